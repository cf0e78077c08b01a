using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>
/// Sends recorded acknowledgements, once each. Recorded first, then sent: a crash or a failing Graph leaves the
/// row queued, and the next attempt picks it up. The reply draft's id is saved before sending, so a retry
/// sends the same draft (and finds it already sent, if the crash came after Graph sent it).
/// </summary>
internal sealed class AcknowledgementOutbox(KontaktlofteDb db, IMailbox mailbox, ReceiptText receipts, TimeProvider clock,
    ILogger<AcknowledgementOutbox> log)
{
    // Longer than the SDK's own retries can take (2 × Retry-After, at most 180 s each): one sender at a time.
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    public const string Category = "Kontaktlöfte: bekräftat";

    /// <summary>Takes the row for this worker, unless another holds it; true when taken.</summary>
    public async Task<bool> ClaimAsync(Guid id, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        var claimed = await db.Acknowledgements
            .Where(a => a.Id == id && a.Status == AcknowledgementStatus.Queued && (a.ClaimedUntil == null || a.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClaimedUntil, until), cancel);
        return claimed == 1;
    }

    public Task<List<Guid>> DueAsync(int count, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        return db.Acknowledgements
            .Where(a => a.Status == AcknowledgementStatus.Queued && a.NextAttemptAt <= now && (a.ClaimedUntil == null || a.ClaimedUntil < now))
            .OrderBy(a => a.NextAttemptAt).Select(a => a.Id).Take(count).ToListAsync(cancel);
    }

    /// <summary>
    /// Sends a claimed acknowledgement; on failure schedules the next attempt with back-off. The request that
    /// recorded it passes the message it has just read; the worker reads it again.
    /// </summary>
    public async Task SendClaimedAsync(Guid id, CancellationToken cancel, MailboxMessage? known = null)
    {
        var ack = await db.Acknowledgements.FirstAsync(a => a.Id == id, cancel);
        var owner = new MailboxOwner(ack.Mailbox, ack.SessionKey);
        try
        {
            var message = known ?? await mailbox.GetMessageAsync(owner, ack.MessageId, cancel)
                ?? throw new MailboxUnavailableException("Meddelandet finns inte i brevlådan.");
            if (ack.DraftId is null)
            {
                ack.DraftId = await mailbox.CreateReplyDraftAsync(owner, ack.MessageId, receipts.Html(FactsOf(ack, message)), cancel);
                await db.SaveChangesAsync(cancel);
            }
            await mailbox.SendDraftAsync(owner, ack.DraftId, cancel);
            ack.Status = AcknowledgementStatus.Sent;
            ack.SentAt = clock.GetUtcNow();
            ack.PersonalLine = null; // kept only until sent: it is part of a mail body
            ack.ClaimedUntil = null;
            ack.LastError = null;
            await db.SaveChangesAsync(cancel);
            await MarkAsync(owner, message, ack, cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            ack.Attempts++;
            var wait = Backoff(ack.Attempts, (error as MailboxUnavailableException)?.RetryAfter);
            ack.NextAttemptAt = clock.GetUtcNow() + wait;
            ack.ClaimedUntil = null;
            ack.LastError = error is MailboxUnavailableException ? error.Message : error.GetType().Name;
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogWarning("Mottagningsbevis {Id} kunde inte skickas (försök {Attempt}): {Error}. Nytt försök om {Wait}.",
                ack.Id, ack.Attempts, ack.LastError, wait);
        }
    }

    public static TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(attempts - 1, 16)));
        return retryAfter is { } after && after > exponential ? after : exponential;
    }

    private async Task MarkAsync(MailboxOwner owner, MailboxMessage message, Acknowledgement ack, CancellationToken cancel)
    {
        try
        {
            await mailbox.MarkAsync(owner, message, new MessageMark(Category, $"acknowledged;{ack.PromisedDate:yyyy-MM-dd};{ack.ContactEmail}"), cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The receipt is sent; a missing category is cosmetic and must not cause a second receipt.
            log.LogWarning("Meddelandet för mottagningsbevis {Id} kunde inte märkas: {Error}", ack.Id, error.GetType().Name);
        }
    }

    public static ReceiptFacts FactsOf(Acknowledgement ack, MailboxMessage message) => new(
        Stockholm.DayOf(message.ReceivedAt), ack.PromisedDate, ContactPerson.Of(ack),
        new ContactPerson(ack.SenderName, ack.SenderTitle, ack.SenderPhone, ack.CreatedBy), ack.Language, ack.PersonalLine);
}
