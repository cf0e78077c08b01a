using System.Globalization;
using Kontaktlofte.AddinApi.Mailbox;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The watcher's view of the sandbox mailboxes, page by page as a delta query: the link is the last place in the
/// mailbox's change log seen ("v:42"); a page holds at most <see cref="PageSize"/> messages.
/// </summary>
internal sealed class SandboxFeed(SandboxDb db) : IMailboxFeed
{
    public const int PageSize = 50;

    public async Task<FeedPage> InboxAsync(string mailbox, string? link, CancellationToken cancel)
    {
        var after = Place(link);
        var page = await db.SandboxMail.AsNoTracking().Where(m => m.Mailbox == mailbox && m.Version > after)
            .OrderBy(m => m.Version).Take(PageSize + 1).ToListAsync(cancel);
        var more = page.Count > PageSize;
        var messages = page.Take(PageSize).ToList();
        var last = messages.Count > 0 ? messages[^1].Version : after;
        return new FeedPage(messages.Select(m => new FeedMessage(SandboxMailbox.ToMessage(m), null)).ToList(),
            more ? Link(last) : null, more ? null : Link(last));
    }

    public async Task<SentPage> SentAsync(string mailbox, string? link, CancellationToken cancel)
    {
        // Sent mail answers the message it replies to; its time is its place (the sandbox sends one at a time).
        var after = Place(link);
        var sent = await db.SandboxSentMail.AsNoTracking().Where(s => !s.IsDraft && s.SentAt != null)
            .Join(db.SandboxMail.AsNoTracking().Where(m => m.Mailbox == mailbox), s => s.InReplyTo, m => m.Id,
                (s, m) => new { s.Id, m.ConversationId, s.InReplyTo, SentAt = s.SentAt!.Value, s.To })
            .ToListAsync(cancel);
        var fresh = sent.Where(s => s.SentAt.UtcTicks > after).OrderBy(s => s.SentAt).ToList();
        var last = fresh.Count > 0 ? fresh[^1].SentAt.UtcTicks : after;
        return new SentPage(fresh.Select(s => new SentMessageFact(s.Id, s.ConversationId, s.InReplyTo, s.SentAt, [s.To])).ToList(), null, Link(last));
    }

    /// <summary>The sandbox shows categories by name; there is no master list to keep.</summary>
    public Task EnsureCategoriesAsync(string mailbox, IReadOnlyList<(string Name, string Color)> categories, CancellationToken cancel) =>
        Task.CompletedTask;

    /// <summary>As Graph's batch: each message written on its own, and one no longer in the mailbox is simply not written.</summary>
    public async Task<IReadOnlyList<string>> SetCategoriesAsync(string mailbox, IReadOnlyList<CategoryWrite> changes, CancellationToken cancel)
    {
        var written = new List<string>();
        foreach (var change in changes)
        {
            var version = await db.NextVersionAsync(cancel);
            var joined = string.Join(';', change.Categories);
            if (await db.SandboxMail.Where(m => m.Id == change.MessageId && m.Mailbox == mailbox)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Categories, joined).SetProperty(m => m.Version, version), cancel) > 0)
                written.Add(change.MessageId);
        }
        return written;
    }

    private static long Place(string? link) =>
        link is { Length: > 2 } && link.StartsWith("v:", StringComparison.Ordinal)
        && long.TryParse(link[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var place) ? place : 0;

    private static string Link(long place) => "v:" + place.ToString(CultureInfo.InvariantCulture);
}
