namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>One page of what changed in a folder: new or changed messages, and where to go on.</summary>
/// <param name="Messages">New or changed messages, as the rules need them.</param>
/// <param name="NextLink">More of this round: ask again with it.</param>
/// <param name="DeltaLink">The round is complete: keep it, and ask with it next time for what changed since.</param>
public sealed record FeedPage(IReadOnlyList<FeedMessage> Messages, string? NextLink, string? DeltaLink);

/// <summary>A message the feed saw, with where Outlook on the web opens it.</summary>
public sealed record FeedMessage(MailboxMessage Message, string? WebLink);

/// <summary>A sent message, as far as answering needs it.</summary>
public sealed record SentMessageFact(string Id, string? ConversationId, string? InReplyTo, DateTimeOffset SentAt, IReadOnlyList<string> To);

/// <summary>One page of a mailbox's Sent Items since the last round.</summary>
public sealed record SentPage(IReadOnlyList<SentMessageFact> Messages, string? NextLink, string? DeltaLink);

/// <summary>A message's categories, to be set to exactly these (the official's own and the product's one).</summary>
public sealed record CategoryWrite(string MessageId, IReadOnlyList<string> Categories);

/// <summary>The link kept is no longer valid (Graph: 410 Gone, syncStateNotFound): start over with a full round.</summary>
public sealed class FeedResetException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The mailbox port as the watcher needs it: without a signed-in user, what arrived in a mailbox's Inbox and what left
/// its Sent Items since the last round — a delta query in Graph (application permissions limited to the watched
/// mailboxes), the change log in the sandbox. A link of <c>null</c> starts a full round.
/// </summary>
public interface IMailboxFeed
{
    Task<FeedPage> InboxAsync(string mailbox, string? link, CancellationToken cancel);

    Task<SentPage> SentAsync(string mailbox, string? link, CancellationToken cancel);

    /// <summary>Makes sure the mailbox has these master categories (name, colour preset0–preset24), adding what is missing.</summary>
    Task EnsureCategoriesAsync(string mailbox, IReadOnlyList<(string Name, string Color)> categories, CancellationToken cancel);

    /// <summary>
    /// Sets the categories of many messages of one mailbox at once and returns the ids of those written. One not written
    /// (deleted meanwhile, or still throttled after the waits a call may take) is simply missing: the caller tries it again
    /// next round. A mailbox the application may not touch throws, as the delta query does.
    /// </summary>
    Task<IReadOnlyList<string>> SetCategoriesAsync(string mailbox, IReadOnlyList<CategoryWrite> changes, CancellationToken cancel);
}
