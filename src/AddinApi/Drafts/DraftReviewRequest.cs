using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Drafts;

/// <summary>A draft reply as Outlook holds it while the official writes it. Nothing of it is stored.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="BodyHtml">The body as HTML (Outlook's compose body). Give this or <paramref name="BodyText"/>.</param>
/// <param name="BodyText">The body as plain text, when the mail is not HTML.</param>
/// <param name="To">Recipients in To.</param>
/// <param name="Cc">Recipients in CC.</param>
/// <param name="Bcc">Recipients in BCC.</param>
/// <param name="Attachments">The draft's attachments (name and size only; never their content).</param>
/// <param name="IsReply">True when the draft answers a message.</param>
/// <param name="ReadReceiptRequested">True when the official asks for a read receipt.</param>
/// <param name="CitizenLanguage">The citizen's language when the add-in knows the promise of the conversation:
/// <c>sv</c>, <c>fi</c> or <c>en</c>. Without it the review reads the language from the quoted history.</param>
public sealed record DraftReviewRequest(
    string? Subject,
    string? BodyHtml,
    string? BodyText,
    IReadOnlyList<MailAddress>? To,
    IReadOnlyList<MailAddress>? Cc,
    IReadOnlyList<MailAddress>? Bcc,
    IReadOnlyList<AttachmentInfo>? Attachments,
    bool IsReply = false,
    bool ReadReceiptRequested = false,
    string? CitizenLanguage = null);

/// <summary>An attachment of the draft.</summary>
/// <param name="Name">File name.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="IsInline">True for an image shown in the body (e.g. the logo): not an attachment to the reader.</param>
public sealed record AttachmentInfo(string? Name, long Size, bool IsInline);
