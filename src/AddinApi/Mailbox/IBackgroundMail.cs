using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>A new mail the product writes in a mailbox (a digest): one recipient, a subject, an HTML body.</summary>
public sealed record NewMail(MailAddress To, string Subject, string BodyHtml);

/// <summary>
/// The mailbox port as the background needs it to send, without a signed-in user: the application's own Mail.Send, which
/// Exchange's RBAC for Applications limits to the watched mailboxes (README). As in the pane, a draft is made first and
/// its id kept by the outbox, then sent — never <c>sendMail</c>, which cannot be de-duplicated.
/// </summary>
public interface IBackgroundMail
{
    /// <summary>
    /// A reply to <paramref name="messageId"/> in <paramref name="mailbox"/>, with these Internet headers (e.g. RFC 3834's
    /// <c>Auto-Submitted</c>); threading (In-Reply-To, References) comes from the mailbox.
    /// </summary>
    Task<Draft> CreateReplyAsync(string mailbox, string messageId, ReplyDraft reply, IReadOnlyDictionary<string, string> headers, CancellationToken cancel);

    /// <summary>A new mail from <paramref name="mailbox"/>, with these Internet headers.</summary>
    Task<Draft> CreateMailAsync(string mailbox, NewMail mail, IReadOnlyDictionary<string, string> headers, CancellationToken cancel);

    /// <summary>Sends the draft; a draft already sent is not sent again.</summary>
    Task<SendOutcome> SendAsync(string mailbox, string draftId, CancellationToken cancel);
}
