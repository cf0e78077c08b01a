using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Outbox;

/// <summary>
/// The one durable queue for everything that leaves. Recorded first (in the same save as what it delivers), then
/// sent: by the request that recorded it, or by the worker after a failure or a restart. One sender at a time holds
/// a lease; failures back off (5 s doubling to 10 min, or the server's Retry-After); a permanent failure, or too many
/// attempts, makes a dead letter that stays visible.
/// </summary>
internal sealed class OutboxQueue(KontaktlofteDb db, IEnumerable<IOutboxSender> senders, TimeProvider clock,
    IOptions<OutboxOptions> options, ILogger<OutboxQueue> log)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    private TimeSpan Lease => options.Value.Lease;

    /// <summary>Adds an item, claimed by the caller, who saves it together with what it delivers and then sends it.</summary>
    public OutboxItem Enqueue(Guid id, string kind)
    {
        var now = clock.GetUtcNow();
        return db.Set<OutboxItem>().Add(new OutboxItem
        {
            Id = id, Kind = kind, Status = OutboxStatus.Queued, CreatedAt = now, NextAttemptAt = now, ClaimedUntil = now + Lease,
        }).Entity;
    }

    /// <summary>
    /// Puts a given-up item back in the queue, due now, with its attempts counted afresh (a registrar's "Försök igen" after
    /// Lex was down for hours); one still queued is only made due now. Saved with the caller's change.
    /// </summary>
    public async Task RetryAsync(Guid id, string kind, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        var item = await db.Set<OutboxItem>().FirstOrDefaultAsync(i => i.Id == id, cancel);
        if (item is null)
        {
            Enqueue(id, kind).ClaimedUntil = null;
            return;
        }
        if (item.Status == OutboxStatus.Sent) return;
        if (item.Status == OutboxStatus.Failed) (item.Status, item.Attempts, item.DoneAt) = (OutboxStatus.Queued, 0, null);
        item.NextAttemptAt = now;
    }

    public Task<OutboxItem?> FindAsync(Guid id, CancellationToken cancel) =>
        db.Set<OutboxItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancel);

    /// <summary>True while the item's first attempt is still under way (a repeat of the request should wait).</summary>
    public bool IsInFlight(OutboxItem item) =>
        item.Status == OutboxStatus.Queued && item.Attempts == 0 && item.ClaimedUntil > clock.GetUtcNow();

    /// <summary>Takes the item for this worker, unless another holds it; true when taken.</summary>
    public async Task<bool> ClaimAsync(Guid id, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        var claimed = await db.Set<OutboxItem>()
            .Where(i => i.Id == id && i.Status == OutboxStatus.Queued && (i.ClaimedUntil == null || i.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntil, until), cancel);
        return claimed == 1;
    }

    public Task<List<Guid>> DueAsync(int count, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        return db.Set<OutboxItem>()
            .Where(i => i.Status == OutboxStatus.Queued && i.NextAttemptAt <= now && (i.ClaimedUntil == null || i.ClaimedUntil < now))
            .OrderBy(i => i.NextAttemptAt).Select(i => i.Id).Take(count).ToListAsync(cancel);
    }

    /// <summary>Sends a claimed item through its sender; on failure schedules the next attempt, or gives up.</summary>
    public async Task SendClaimedAsync(Guid id, CancellationToken cancel)
    {
        var item = await db.Set<OutboxItem>().FirstAsync(i => i.Id == id, cancel);
        var sender = senders.FirstOrDefault(s => s.Kind == item.Kind);
        try
        {
            if (sender is null) throw new CannotBeSentException($"Ingen avsändare för {item.Kind}.");
            await sender.SendAsync(id, cancel);
            Finish(item, OutboxStatus.Sent, null);
        }
        catch (CannotBeSentException error)
        {
            item.Attempts++;
            await GiveUpAsync(item, sender, error.Message, cancel);
            log.LogWarning("Utkorgen ger upp {Kind} {Id}: {Error}", item.Kind, item.Id, error.Message);
        }
        // A timeout (HttpClient's TaskCanceledException) is a passing failure; only the host's own stop ends the work.
        catch (Exception error) when (!cancel.IsCancellationRequested)
        {
            item.Attempts++;
            var reason = error switch
            {
                RetryLaterException => error.Message,
                OperationCanceledException => "Svaret dröjde för länge.",
                _ => $"Oväntat fel ({error.GetType().Name}).",
            };
            if (item.Attempts >= options.Value.MaxAttempts)
            {
                await GiveUpAsync(item, sender, $"{reason} Gav upp efter {item.Attempts} försök.", cancel);
                log.LogError("Utkorgen ger upp {Kind} {Id} efter {Attempts} försök: {Error}", item.Kind, item.Id, item.Attempts, reason);
            }
            else
            {
                var wait = Backoff(item.Attempts, (error as RetryLaterException)?.RetryAfter);
                item.NextAttemptAt = clock.GetUtcNow() + wait;
                item.ClaimedUntil = null;
                item.LastError = reason;
                log.LogWarning("{Kind} {Id} kunde inte skickas (försök {Attempt}): {Error}. Nytt försök om {Wait}.",
                    item.Kind, item.Id, item.Attempts, reason, wait);
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task GiveUpAsync(OutboxItem item, IOutboxSender? sender, string reason, CancellationToken cancel)
    {
        Finish(item, OutboxStatus.Failed, reason);
        if (sender is not null) await sender.GaveUpAsync(item.Id, CancellationToken.None);
    }

    private void Finish(OutboxItem item, OutboxStatus status, string? error)
    {
        item.Status = status;
        item.DoneAt = clock.GetUtcNow();
        item.ClaimedUntil = null;
        item.LastError = error;
    }

    public static TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(attempts - 1, 16)));
        return retryAfter is { } after && after > exponential ? after : exponential;
    }
}
