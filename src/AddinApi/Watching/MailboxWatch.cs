using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// One round in one mailbox: every mail that arrived in the Inbox since the last round is tracked (classified, its
/// received date and due date fixed: FL 22 §), and every mail that left Sent Items answers the open promises of its
/// conversation. The feed's link is saved after each page, so a crash resumes where it stopped; tracking is by id, so
/// a page seen twice (or a full resync after a lost link) tracks nothing twice.
/// </summary>
internal sealed class MailboxWatch(KontaktlofteDb db, IMailboxFeed feed, MessageTracker tracker, DueDates dueDates, TimeProvider clock,
    MailboxWatcher.Labelled labelled, Microsoft.Extensions.Options.IOptions<WatcherOptions> options, AutomaticReceipts receipts)
{
    public const string Inbox = "inbox";
    public const string SentItems = "sentitems";
    private const int PagesAtMost = 1000;

    /// <summary>Tracks what arrived; returns how many messages were new.</summary>
    public async Task<int> InboxAsync(string mailbox, CancellationToken cancel)
    {
        var state = await StateAsync(mailbox, Inbox, cancel);
        var tracked = 0;
        var reset = false;
        // A full round (the first, or after a lost link) sees the whole Inbox: only recent mail is new to the promise.
        var since = state.Link is null ? clock.GetUtcNow().AddDays(-options.Value.FirstRoundDays) : DateTimeOffset.MinValue;
        var receipting = await receipts.SettingAsync(mailbox, cancel);
        for (var pages = 0; pages < PagesAtMost; pages++)
        {
            FeedPage page;
            try
            {
                page = await feed.InboxAsync(mailbox, state.Link, cancel);
            }
            catch (FeedResetException) when (!reset)
            {
                reset = true; // once a round: a full resync; what is tracked already is skipped below
                state.Link = null;
                since = clock.GetUtcNow().AddDays(-options.Value.FirstRoundDays);
                continue;
            }
            var ids = page.Messages.Select(m => m.Message.Id).ToList();
            var known = await db.Messages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancel);
            foreach (var arrived in page.Messages.Where(m => known.ContainsKey(m.Message.Id) || m.Message.ReceivedAt >= since))
            {
                var facts = known.TryGetValue(arrived.Message.Id, out var seen) ? seen
                    : (await tracker.TrackAsync(arrived.Message, mailbox, arrived.WebLink, cancel)).Facts;
                if (seen is null)
                {
                    tracked++;
                    if (receipting is not null) await receipts.ConsiderAsync(receipting, arrived.Message, facts, cancel);
                }
                // The official's own categories, as the mailbox shows them now: kept when the product sets its label.
                facts.SeenByWatcherAt = clock.GetUtcNow();
                var own = arrived.Message.Categories.Where(c => !PromiseLabels.IsOurs(c)).ToList();
                own.AddRange(facts.OwnCategories.Where(c => PromiseLabels.IsRegistration(c) && !own.Contains(c)));
                if (!own.SequenceEqual(facts.OwnCategories)) facts.OwnCategories = own;
                if (arrived.Message.Categories.Count(PromiseLabels.IsOurs) != 1 || !arrived.Message.Categories.Contains(facts.Label)
                    || own.Any(c => !arrived.Message.Categories.Contains(c)))
                    facts.Label = null; // someone took ours off, two are on, or a registration's is missing: set them again
            }
            await SaveAsync(state, page.NextLink ?? page.DeltaLink, cancel);
            if (page.NextLink is null) break;
        }
        return tracked;
    }

    /// <summary>Marks answered what a sent mail answers; returns how many promises were kept.</summary>
    public async Task<int> SentAsync(string mailbox, CancellationToken cancel)
    {
        var state = await StateAsync(mailbox, SentItems, cancel);
        var answered = 0;
        for (var pages = 0; pages < PagesAtMost; pages++)
        {
            SentPage page;
            try
            {
                page = await feed.SentAsync(mailbox, state.Link, cancel);
            }
            catch (FeedResetException)
            {
                state.Link = null; // answering is idempotent: a full round only finds what is answered already
                continue;
            }
            foreach (var sent in page.Messages)
                answered += await AnswerAsync(mailbox, sent, cancel);
            await SaveAsync(state, page.NextLink ?? page.DeltaLink, cancel);
            if (page.NextLink is null) break;
        }
        return answered;
    }

    /// <summary>
    /// The promise in Outlook's own list: exactly one label on each tracked citizen mail, recomputed every round (so a new
    /// working day moves "öppet" to "svara i dag" to "försenat" by itself) and written only when it changes.
    /// </summary>
    public async Task<int> LabelAsync(string mailbox, CancellationToken cancel)
    {
        if (!labelled.Mailboxes.ContainsKey(mailbox))
        {
            await feed.EnsureCategoriesAsync(mailbox, PromiseLabels.All, cancel);
            labelled.Mailboxes[mailbox] = true;
        }
        var today = clock.Today();
        db.ChangeTracker.Clear(); // the passes before saved all they changed; a receipt or answer since then is read afresh
        // Only what the watcher has seen: a message tracked from the pane alone has categories the product does not know,
        // and a PATCH replaces the whole list.
        var candidates = await db.Messages.Where(m => m.Mailbox == mailbox && m.SeenByWatcherAt != null && DueDates.Promised.Contains(m.Category)
                                                      && (m.AnsweredAt == null || m.Label != PromiseLabels.Answered))
            .ToListAsync(cancel);
        var labels = new Dictionary<string, (TrackedMessage Message, string Label)>();
        foreach (var message in candidates)
            if (PromiseLabels.For(message, dueDates, today) is { } label && label != message.Label)
                labels[message.Id] = (message, label);
        if (labels.Count == 0) return 0;
        // All of the mailbox's changes at once (Graph batches them, 20 a request); only what the mailbox took is saved as
        // set, so a message throttled or gone this round is tried again the next.
        var written = await feed.SetCategoriesAsync(mailbox,
            labels.Values.Select(l => new CategoryWrite(l.Message.Id, [.. l.Message.OwnCategories, l.Label])).ToList(), cancel);
        foreach (var id in written)
            if (labels.TryGetValue(id, out var set)) set.Message.Label = set.Label;
        await db.SaveChangesAsync(cancel);
        return written.Count;
    }

    private async Task<int> AnswerAsync(string mailbox, SentMessageFact sent, CancellationToken cancel)
    {
        // Read afresh, not from what this round holds: the Inbox pass may have read the mail before a receipt was
        // recorded and sent, and a held copy would not know the receipt is the product's own.
        var open = await db.Messages.AsNoTracking().Where(m => m.Mailbox == mailbox && m.AnsweredAt == null
                && ((sent.ConversationId != null && m.ConversationId == sent.ConversationId) || m.Id == sent.InReplyTo))
            .ToListAsync(cancel);
        var kept = 0;
        // The product's own receipts are no answer; a forward or a web form is answered only by a mail to the citizen.
        foreach (var fresh in open.Where(m => !m.ReceiptIds.Contains(sent.Id) && sent.SentAt >= m.ReceivedAt && m.IsAnsweredBy(sent.To)))
        {
            var message = db.Messages.Local.FirstOrDefault(m => m.Id == fresh.Id) ?? db.Messages.Attach(fresh).Entity;
            message.AnsweredAt = sent.SentAt;
            message.AnsweredHow = AnswerKind.Mail;
            kept++;
        }
        return kept;
    }

    private async Task<FeedState> StateAsync(string mailbox, string folder, CancellationToken cancel) =>
        await db.Set<FeedState>().FirstOrDefaultAsync(s => s.Mailbox == mailbox && s.Folder == folder, cancel)
        ?? db.Set<FeedState>().Add(new FeedState { Mailbox = mailbox, Folder = folder, UpdatedAt = clock.GetUtcNow() }).Entity;

    private Task<int> SaveAsync(FeedState state, string? link, CancellationToken cancel)
    {
        state.Link = link;
        state.UpdatedAt = clock.GetUtcNow();
        state.LastError = null;
        return db.SaveChangesAsync(cancel);
    }
}
