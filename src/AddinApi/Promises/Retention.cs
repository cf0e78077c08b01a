using System.ComponentModel.DataAnnotations;
using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>How long the product keeps what it may keep of a citizen (design.md, Data), and its audit log.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days a kept promise holds on to the citizen's name, address, subject and reply address after it was answered — by
    /// mail, a call-back or another way. Counted as elapsed time from the moment of the answer, not in calendar days:
    /// a moment is what the product records, and an erasure at most an hour late (the job runs hourly) is within the rule.
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Retention:AnsweredDetailsDays ska vara ett antal dagar mellan 1 och 3650.")]
    public int AnsweredDetailsDays { get; set; } = 30;

    /// <summary>
    /// Days the audit log keeps a line (issue 12): two years by default, as elapsed time from the line's moment; 0 or less
    /// keeps every line.
    /// </summary>
    [Range(int.MinValue, 36500, ErrorMessage = "Retention:AuditDays ska vara högst 36500 dagar (0 eller mindre: spara allt).")]
    public int AuditDays { get; set; } = 730;
}

/// <summary>
/// GDPR art. 5(1)(c, e): the citizen's name, address and subject serve the worklist while the promise is open, and a
/// while after (a colleague asking "did we answer her?"); then they go. Dates, category, state, contact person and how
/// it was answered stay: the follow-up report counts them, and none of them says who wrote or about what.
/// </summary>
internal sealed class AnsweredDetails(KontaktlofteDb db, TimeProvider clock, IOptions<RetentionOptions> options)
{
    /// <summary>Erases the details of every promise answered at least the configured time ago; returns how many.</summary>
    public Task<int> EraseAsync(CancellationToken cancel)
    {
        var answeredBy = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.AnsweredDetailsDays);
        return db.Messages
            .Where(m => m.AnsweredAt != null && m.AnsweredAt <= answeredBy
                        && (m.CitizenName != null || m.CitizenAddress != null || m.Subject != null || m.AnswerTo != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.CitizenName, (string?)null)
                .SetProperty(m => m.CitizenAddress, (string?)null)
                .SetProperty(m => m.Subject, (string?)null)
                .SetProperty(m => m.AnswerTo, (string?)null), cancel);
    }
}

/// <summary>The audit log's own retention: a line older than <see cref="RetentionOptions.AuditDays"/> goes.</summary>
internal sealed class AuditLogRetention(KontaktlofteDb db, TimeProvider clock, IOptions<RetentionOptions> options)
{
    /// <summary>Deletes every line at least the configured time old; returns how many (none when set to keep).</summary>
    public async Task<int> EraseAsync(CancellationToken cancel)
    {
        if (options.Value.AuditDays <= 0) return 0;
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.AuditDays);
        return await db.AuditEvents.Where(a => a.At <= before).ExecuteDeleteAsync(cancel);
    }
}

/// <summary>Erases answered promises' details and old audit lines at start-up and then every hour; a failed run waits for the next.</summary>
internal sealed class RetentionWorker(IServiceScopeFactory scopes, ILogger<RetentionWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var erased = await scope.ServiceProvider.GetRequiredService<AnsweredDetails>().EraseAsync(stoppingToken);
                if (erased > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Gallring: uppgifter om invånaren borttagna för {Count} besvarade meddelanden", erased);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Gallringen av besvarade meddelanden kunde inte göras");
            }
            // On its own: a failure of one never holds the other back.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var erased = await scope.ServiceProvider.GetRequiredService<AuditLogRetention>().EraseAsync(stoppingToken);
                if (erased > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Gallring: {Count} rader i granskningsloggen borttagna", erased);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Gallringen av granskningsloggen kunde inte göras");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class RetentionExtensions
{
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AnsweredDetails>();
        builder.Services.AddScoped<AuditLogRetention>();
        builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }
}
