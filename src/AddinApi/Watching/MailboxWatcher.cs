using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// Follows every watched mailbox in the background, from start-up on: the officials' own (from their first sign-in) and
/// the function mailboxes. Polling always works (every <see cref="WatcherOptions.PollInterval"/>); a failing mailbox is
/// logged and tried again next round, and never stops the others or the host.
/// </summary>
internal sealed class MailboxWatcher(IServiceScopeFactory scopes, IOptions<WatcherOptions> options, ILogger<MailboxWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await using (var probe = scopes.CreateAsyncScope())
            if (probe.ServiceProvider.GetService<IMailboxFeed>() is null)
            {
                log.LogWarning("Bevakningen av brevlådor är inte igång: brevlådeadaptern har inget flöde för bevakning.");
                return;
            }
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await RoundAsync(stoppingToken);
                if (options.Value.Digests) await DigestsAsync(stoppingToken);
                if (options.Value.HeadDigests) await WeeklyDigestsAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Bevakningen av brevlådorna kunde inte gås igenom");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round over every watched mailbox, a few at a time.</summary>
    public async Task RoundAsync(CancellationToken cancel)
    {
        List<string> mailboxes;
        await using (var scope = scopes.CreateAsyncScope())
            mailboxes = await WatchedAsync(scope.ServiceProvider.GetRequiredService<KontaktlofteDb>(), options.Value, cancel);
        await Parallel.ForEachAsync(mailboxes, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallel, CancellationToken = cancel },
            async (mailbox, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<MailboxLeases>();
                var leased = false;
                try
                {
                    // Not given back last time (the database went away mid-round): ours to give back now, else this instance
                    // would keep itself out of the mailbox until the lease ran out.
                    if (_unreleased.TryRemove(mailbox, out _)) await ReleaseAsync(leases, mailbox);
                    // Another instance of the API in this mailbox now: it is theirs this round.
                    if (!(leased = await leases.TakeAsync(mailbox, _holder, token))) return;
                    var watch = scope.ServiceProvider.GetRequiredService<MailboxWatch>();
                    await watch.InboxAsync(mailbox, token);
                    await watch.SentAsync(mailbox, token);
                    await watch.LabelAsync(mailbox, token);
                }
                catch (Exception error) when (!token.IsCancellationRequested)
                {
                    // A mailbox out of reach (removed from the app's scope: 403, Graph away) waits for the next round.
                    log.LogWarning("Brevlådan {Mailbox} kunde inte bevakas: {Error}", mailbox, error.Message);
                }
                finally
                {
                    if (leased) await ReleaseAsync(leases, mailbox);
                }
            });
    }

    /// <summary>This watcher among the instances of the API (a lease's holder).</summary>
    private readonly string _holder = $"{(Environment.MachineName.Length > 60 ? Environment.MachineName[..60] : Environment.MachineName)}/{Guid.NewGuid():N}";

    /// <summary>The mailboxes whose lease this instance could not give back: given back at their next round.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _unreleased = new(StringComparer.OrdinalIgnoreCase);

    private async Task ReleaseAsync(MailboxLeases leases, string mailbox)
    {
        try
        {
            await leases.ReleaseAsync(mailbox, _holder, CancellationToken.None);
        }
        catch (Exception error)
        {
            // Given back at the mailbox's next round (or run out by itself, should this instance stop first).
            _unreleased[mailbox] = true;
            log.LogWarning("Brevlådan {Mailbox} kunde inte lämnas tillbaka: {Error}", mailbox, error.Message);
        }
    }

    private DateOnly? _digestsDone;

    /// <summary>
    /// The morning's reminders, once the round has brought every mailbox up to date — one full pass a day per instance (the
    /// officials with nothing due are not counted again every round all day; another instance's pass is kept out by the
    /// database's one-a-day index).
    /// </summary>
    public async Task<int> DigestsAsync(CancellationToken cancel)
    {
        await using var scope = scopes.CreateAsyncScope();
        var digests = scope.ServiceProvider.GetRequiredService<Digests>();
        if (digests.DueDay() is not { } day || day == _digestsDone) return 0;
        var recorded = await digests.RunAsync(cancel);
        _digestsDone = day;
        return recorded;
    }

    private DateOnly? _weeklyDone;

    /// <summary>
    /// The weekly digests other features write (<see cref="IWeeklyDigest"/>: the unit heads' Monday digest), after the round
    /// like the reminders and, like them, one full pass a working morning per instance; each decides whether its day has come.
    /// </summary>
    public async Task<int> WeeklyDigestsAsync(CancellationToken cancel)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<Digests>().DueDay() is not { } day || day == _weeklyDone) return 0;
        var recorded = 0;
        foreach (var weekly in scope.ServiceProvider.GetServices<IWeeklyDigest>())
            recorded += await weekly.RunAsync(cancel);
        _weeklyDone = day;
        return recorded;
    }

    /// <summary>The mailboxes whose master categories were made sure of since start-up (one look each).</summary>
    internal sealed class Labelled
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Mailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The officials' own mailboxes (unless they opted out) and the function mailboxes, each once, in lower case.</summary>
    public static async Task<List<string>> WatchedAsync(KontaktlofteDb db, WatcherOptions options, CancellationToken cancel)
    {
        var own = await db.Officials.Where(o => o.WatchOwnMailbox).Select(o => o.Email).ToListAsync(cancel);
        var functions = await db.Set<WatchedMailbox>().Select(m => m.Address).ToListAsync(cancel);
        return own.Concat(functions).Concat(options.FunctionMailboxes)
            .Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Contains('@', StringComparison.Ordinal)).Distinct().ToList();
    }
}
