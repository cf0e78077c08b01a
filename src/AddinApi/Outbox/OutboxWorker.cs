using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Outbox;

/// <summary>Sends what is due in the background, from start-up on: a restart loses nothing.</summary>
internal sealed class OutboxWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            // Only the host's stop ends the worker: a timeout or a database hiccup waits for the next tick.
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Utkorgen kunde inte gås igenom");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendDueAsync(CancellationToken cancel)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxQueue>();
        foreach (var id in await outbox.DueAsync(20, cancel))
            if (await outbox.ClaimAsync(id, cancel))
                await outbox.SendClaimedAsync(id, cancel);
    }
}
