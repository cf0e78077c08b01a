using System.Security.Claims;
using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>
/// Whose mailbox, and how to reach it when the user is no longer on the line: for Graph the key of the
/// long-running on-behalf-of session (Microsoft.Identity.Web), so that the outbox can retry after the request.
/// </summary>
/// <param name="Email">Who acts: the signed-in official's address (their token, their session).</param>
/// <param name="SessionKey">The long-running session's key; null within a request.</param>
/// <param name="Shared">A function (shared) mailbox the official works in from the pane; null for their own.</param>
public sealed record MailboxOwner(string Email, string? SessionKey, string? Shared = null)
{
    /// <summary>The mailbox the message is in: the function mailbox, else the official's own.</summary>
    public string Address => Shared ?? Email;

    /// <summary>
    /// Who acts in which mailbox, as a recorded piece of work keeps it: <paramref name="mailbox"/> is a function mailbox
    /// unless it is the actor's own.
    /// </summary>
    public static MailboxOwner Acting(string actor, string? sessionKey, string mailbox) =>
        new(actor, sessionKey, string.Equals(mailbox, actor, StringComparison.OrdinalIgnoreCase) ? null : mailbox);
}

/// <summary>A draft made in a mailbox: its id, and the Internet message id the sent mail will carry (null if not told).</summary>
public sealed record Draft(string Id, string? InternetMessageId);

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
    IReadOnlyList<string> Categories)
{
    /// <summary>Reply-To: where the sender asked for answers (a web form names the citizen here).</summary>
    public IReadOnlyList<MailAddress> ReplyTo { get; init; } = [];

    /// <summary>The To recipients (an outgoing record's party in the register).</summary>
    public IReadOnlyList<MailAddress> To { get; init; } = [];
}

/// <summary>What a reply draft is made of.</summary>
/// <param name="Subject">Its subject; null keeps the mailbox's own ("SV: " and the original's).</param>
/// <param name="BodyHtml">Its body.</param>
/// <param name="To">Its one recipient; null answers the sender.</param>
/// <param name="Quoting">The message answered, quoted below the body as mail programs do; null quotes nothing.</param>
public sealed record ReplyDraft(string? Subject, string BodyHtml, MailAddress? To = null, MailboxMessage? Quoting = null);

/// <summary>
/// How a send ended: sent; or the draft has left Drafts without this call sending it (Exchange is moving an earlier send to
/// Sent Items, or the draft was deleted) — to be confirmed by a later look.
/// </summary>
public enum SendOutcome { Sent, Confirming }

/// <summary>The mark the product leaves on a citizen's message: an Outlook category and a property.</summary>
/// <param name="Category">The category to set.</param>
/// <param name="PropertyValue">The named property's value; null leaves the property as it is (a registration's category).</param>
/// <param name="Replaces">Categories it takes the place of (the product's other labels); the official's own stay.</param>
public sealed record MessageMark(string Category, string? PropertyValue, IReadOnlyCollection<string>? Replaces = null)
{
    /// <summary>The message's categories with this mark: the official's own kept, the replaced ones gone, this one once.</summary>
    public List<string> Apply(IReadOnlyList<string> categories) =>
        categories.Where(c => c != Category && !(Replaces ?? []).Contains(c, StringComparer.OrdinalIgnoreCase)).Append(Category).ToList();
}

/// <summary>
/// The mailbox port: read a message, answer it with a reply draft that is then sent (never sendMail: it cannot
/// be de-duplicated), mark it, and tell whether it was answered. Graph in production, the database in the sandbox.
/// </summary>
public interface IMailbox
{
    /// <summary>Opens the signed-in user's mailbox for calls within this request.</summary>
    Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, CancellationToken cancel);

    /// <summary>
    /// Opens <paramref name="functionMailbox"/>, a function (shared) mailbox the user works in from the pane (Outlook's
    /// <c>getSharedPropertiesAsync</c>), or the user's own when null. Whether the user may is the mailbox's to say (Exchange:
    /// Full Access or folder permissions; the sandbox: its watchers): a 403 otherwise.
    /// </summary>
    async Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, string? functionMailbox, CancellationToken cancel)
    {
        var own = await OpenAsync(user, cancel);
        return SharedMailbox.Normalise(functionMailbox) is not { } address || address.Equals(own.Email, StringComparison.OrdinalIgnoreCase) ? own
            : throw new MailboxAccessDeniedException($"Funktionsbrevlådan {address} går inte att öppna härifrån.");
    }

    /// <summary>
    /// Opens it also for later: the owner carries what the outbox needs to act in the background (for Graph the key of a
    /// long-running on-behalf-of session, which costs one token exchange with Entra: only for what is sent).
    /// </summary>
    Task<MailboxOwner> OpenForLaterAsync(ClaimsPrincipal user, CancellationToken cancel);

    Task<MailboxMessage?> GetMessageAsync(MailboxOwner owner, string id, CancellationToken cancel);

    /// <summary>
    /// Creates a reply to <paramref name="messageId"/> and returns the draft's id. The reply goes to the message's
    /// sender unless <see cref="ReplyDraft.To"/> names someone else (the citizen of a forwarded message).
    /// </summary>
    Task<string> CreateReplyDraftAsync(MailboxOwner owner, string messageId, ReplyDraft reply, CancellationToken cancel);

    /// <summary>
    /// Creates a forward of <paramref name="messageId"/> to <paramref name="recipient"/> with <paramref name="commentHtml"/> above the
    /// original (a hand-over): the mailbox quotes the original itself, attachments included.
    /// </summary>
    Task<Draft> CreateForwardDraftAsync(MailboxOwner owner, string messageId, MailAddress recipient, string commentHtml, CancellationToken cancel);

    /// <summary>Sends the draft. Sending a draft that was already sent does nothing.</summary>
    Task<SendOutcome> SendDraftAsync(MailboxOwner owner, string draftId, CancellationToken cancel);

    Task MarkAsync(MailboxOwner owner, MailboxMessage message, MessageMark mark, CancellationToken cancel);

    /// <summary>The names of the message's attachments, inline images left out (a register entry lists what came with the mail).</summary>
    Task<IReadOnlyList<string>> AttachmentNamesAsync(MailboxOwner owner, string id, CancellationToken cancel) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// When the message was answered by a sent message other than <paramref name="ownReceipts"/>, else null. With
    /// <paramref name="answeredTo"/> only a message to that address counts (a forward is answered to the citizen, not to
    /// the colleague who forwarded it).
    /// </summary>
    Task<DateTimeOffset?> AnsweredAtAsync(MailboxOwner owner, MailboxMessage message, IReadOnlyCollection<string> ownReceipts, string? answeredTo,
        CancellationToken cancel);
}

/// <summary>
/// The mailbox refuses for good (a recipient it will not take, a request it will never accept): trying again changes
/// nothing, the official must act. A request answers 502, the outbox makes a dead letter.
/// </summary>
public class MailboxRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The user may not use this mailbox (Graph 403 ErrorAccessDenied: a shared or delegated mailbox): a 403.</summary>
public sealed class MailboxAccessDeniedException(string message, Exception? inner = null) : MailboxRefusedException(message, inner);

/// <summary>
/// The user must sign in again (Conditional Access, continuous access evaluation, a revoked session). A request answers
/// 401 with a claims challenge when there is one (the add-in asks Entra again with these claims and retries); in the
/// background there is nobody to ask: a dead letter.
/// </summary>
/// <param name="message">What the official is told.</param>
/// <param name="claims">The claims challenge, base64 as in <c>WWW-Authenticate</c>; null when there is none.</param>
/// <param name="inner">What Graph or MSAL threw.</param>
public sealed class MailboxSignInRequiredException(string message, string? claims, Exception? inner = null) : MailboxRefusedException(message, inner)
{
    public string? Claims { get; } = claims;
}

/// <summary>Consent for the API's Graph permissions is missing, or the sign-in has expired with nothing to ask: a 403.</summary>
public sealed class MailboxConsentRequiredException(string message, Exception? inner = null) : MailboxRefusedException(message, inner);

/// <summary>The mailbox could not be reached or refused for now; the outbox tries again later.</summary>
public sealed class MailboxUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The <c>mailbox</c> parameter is not an e-mail address: a 400.</summary>
public sealed class InvalidMailboxException(string message) : Exception(message);

/// <summary>The pane's <c>?mailbox=</c>: a function mailbox's address, checked and in lower case.</summary>
public static class SharedMailbox
{
    public static string? Normalise(string? mailbox)
    {
        if (string.IsNullOrWhiteSpace(mailbox)) return null;
        var address = mailbox.Trim();
        return address.Length <= 320 && System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
            ? address.ToLowerInvariant()
            : throw new InvalidMailboxException("Ange mailbox som funktionsbrevlådans e-postadress, till exempel bygglov@botkyrka.se.");
    }
}
