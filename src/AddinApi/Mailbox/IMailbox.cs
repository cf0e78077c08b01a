using System.Security.Claims;
using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>
/// Whose mailbox, and how to reach it when the user is no longer on the line: for Graph the key of the
/// long-running on-behalf-of session (Microsoft.Identity.Web), so that the outbox can retry after the request.
/// </summary>
public sealed record MailboxOwner(string Email, string? SessionKey);

/// <summary>A message in the mailbox, as the rules need it. Read from the mailbox; never stored by the API.</summary>
public sealed record MailboxMessage(
    string Id,
    string? InternetMessageId,
    string? ConversationId,
    MailAddress From,
    string Subject,
    string? BodyHtml,
    string? BodyText,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> Categories);

/// <summary>What a reply draft is made of.</summary>
/// <param name="Subject">Its subject; null keeps the mailbox's own ("SV: " and the original's).</param>
/// <param name="BodyHtml">Its body.</param>
/// <param name="To">Its one recipient; null answers the sender.</param>
public sealed record ReplyDraft(string? Subject, string BodyHtml, MailAddress? To = null);

/// <summary>The mark the product leaves on a citizen's message: an Outlook category and a property.</summary>
public sealed record MessageMark(string Category, string PropertyValue);

/// <summary>
/// The mailbox port: read a message, answer it with a reply draft that is then sent (never sendMail: it cannot
/// be de-duplicated), mark it, and tell whether it was answered. Graph in production, the database in the sandbox.
/// </summary>
public interface IMailbox
{
    /// <summary>Opens the signed-in user's mailbox for this and later (background) calls.</summary>
    Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, CancellationToken cancel);

    Task<MailboxMessage?> GetMessageAsync(MailboxOwner owner, string id, CancellationToken cancel);

    /// <summary>
    /// Creates a reply to <paramref name="messageId"/> and returns the draft's id. The reply goes to the message's
    /// sender unless <see cref="ReplyDraft.To"/> names someone else (the citizen of a forwarded message).
    /// </summary>
    Task<string> CreateReplyDraftAsync(MailboxOwner owner, string messageId, ReplyDraft reply, CancellationToken cancel);

    /// <summary>Sends the draft. Sending a draft that was already sent does nothing.</summary>
    Task SendDraftAsync(MailboxOwner owner, string draftId, CancellationToken cancel);

    Task MarkAsync(MailboxOwner owner, MailboxMessage message, MessageMark mark, CancellationToken cancel);

    /// <summary>
    /// When the message was answered by a sent message other than <paramref name="ownReceipts"/>, else null. With
    /// <paramref name="answeredTo"/> only a message to that address counts (a forward is answered to the citizen, not to
    /// the colleague who forwarded it).
    /// </summary>
    Task<DateTimeOffset?> AnsweredAtAsync(MailboxOwner owner, MailboxMessage message, IReadOnlyCollection<string> ownReceipts, string? answeredTo,
        CancellationToken cancel);
}

/// <summary>
/// The mailbox refuses for good (access denied, a recipient it will not take, the user's session is gone): trying
/// again changes nothing, the official must act.
/// </summary>
public sealed class MailboxRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The mailbox could not be reached or refused for now; the outbox tries again later.</summary>
public sealed class MailboxUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
