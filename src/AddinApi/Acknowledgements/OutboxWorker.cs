namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>How often the outbox looks for receipts to send or retry.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Sends queued acknowledgements in the background, from start-up on: a restart loses nothing.</summary>
internal sealed class OutboxWorker(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> log) : BackgroundService
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
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogError(error, "Utkorgen för mottagningsbevis kunde inte gås igenom");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendDueAsync(CancellationToken cancel)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<AcknowledgementOutbox>();
        foreach (var id in await outbox.DueAsync(20, cancel))
            if (await outbox.ClaimAsync(id, cancel))
                await outbox.SendClaimedAsync(id, cancel);
    }
}
