using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>One unit head's Monday digest of one ISO week: recorded once (never two in a week), delivered by the outbox.</summary>
public sealed class HeadDigest
{
    public Guid Id { get; set; }
    public required string Recipient { get; set; }
    /// <summary>The ISO week, e.g. <c>2026-W49</c>.</summary>
    public required string Week { get; set; }
    /// <summary>The working day it was due: the week's first.</summary>
    public DateOnly Day { get; set; }
    public string? DraftId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class HeadDigestConfiguration : IEntityTypeConfiguration<HeadDigest>
{
    public void Configure(EntityTypeBuilder<HeadDigest> digest)
    {
        digest.ToTable("HeadDigests");
        digest.Property(d => d.Recipient).HasMaxLength(320);
        digest.Property(d => d.Week).HasMaxLength(8);
        digest.Property(d => d.DraftId).HasMaxLength(512);
        digest.HasIndex(d => new { d.Recipient, d.Week }).IsUnique();
    }
}

/// <summary>
/// The unit heads' Monday digest (issue 11): on the first working day of each ISO week (Monday, or the next working day when
/// Monday is a holiday), from <see cref="WatcherOptions.DigestTime"/>, every head seen in the coverage within
/// <see cref="ForgottenAfter"/> gets one. Two instances may run it at once: the unique (Recipient, Week) index decides.
/// </summary>
internal sealed class HeadDigests(KontaktlofteDb db, OutboxQueue outbox, WorkingDayCalendar calendar, TimeProvider clock, IOptions<WatcherOptions> options)
    : IWeeklyDigest
{
    /// <summary>A head who has not opened the coverage for eight weeks has moved on, or does not want it.</summary>
    public static readonly TimeSpan ForgottenAfter = TimeSpan.FromDays(56);

    /// <summary>The day the week's digests are due now, else null: the week's first working day, past the digest time.</summary>
    public DateOnly? DueDay() =>
        Digests.DueDay(clock, calendar, options.Value.DigestTime) is { } today && today == FirstWorkingDay(calendar, today) ? today : null;

    /// <summary>The first working day of the ISO week <paramref name="day"/> is in (Lag 1930:173: a holiday Monday moves it on).</summary>
    public static DateOnly FirstWorkingDay(WorkingDayCalendar calendar, DateOnly day) => calendar.SameOrNextWorkingDay(ReportRules.MondayOf(day));

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        if (DueDay() is not { } today) return 0;
        var week = ReportRules.WeekName(today);
        var since = clock.GetUtcNow() - ForgottenAfter;
        // Kept only while it serves (GDPR art. 5(1)(e)): a forgotten head's unit and session go with them.
        await db.Set<UnitHead>().Where(h => h.LastSeenAt < since).ExecuteDeleteAsync(cancel);
        var done = await db.Set<HeadDigest>().Where(d => d.Week == week).Select(d => d.Recipient).ToListAsync(cancel);
        var heads = await db.Set<UnitHead>().Where(h => h.LastSeenAt >= since).Select(h => h.Email).ToListAsync(cancel);
        var recorded = 0;
        foreach (var head in heads.Except(done))
        {
            var digest = new HeadDigest { Id = Guid.NewGuid(), Recipient = head, Week = week, Day = today, CreatedAt = clock.GetUtcNow() };
            if (await Digests.RecordAsync(db, outbox, digest, digest.Id, HeadDigestSender.OutboxKind, cancel)) recorded++;
        }
        return recorded;
    }
}

internal static class HeadDigestExtensions
{
    /// <summary>The heads the coverage has seen, and their Monday digest: recorded after the watcher's round, sent by the outbox.</summary>
    public static IServiceCollection AddHeadDigests(this IServiceCollection services)
    {
        services.AddScoped<UnitHeads>();
        services.AddScoped<IWeeklyDigest, HeadDigests>();
        services.AddScoped<HeadDigestSender>();
        services.AddScoped<IOutboxSender>(s => s.GetRequiredService<HeadDigestSender>());
        return services;
    }
}
