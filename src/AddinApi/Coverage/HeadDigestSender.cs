using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// Writes and sends one unit head's Monday digest, from what stands when it is sent: sent from the head's own mailbox to
/// themselves (the application's Mail.Send, as the officials' digest), marked <c>Auto-Submitted: auto-generated</c>.
/// </summary>
internal sealed class HeadDigestSender(KontaktlofteDb db, IBackgroundMail mail, IDirectory directory, WorkingDayCalendar calendar, DueDates dueDates,
    TimeProvider clock, IOptions<WatcherOptions> options, ILogger<HeadDigestSender> log) : IOutboxSender
{
    public const string OutboxKind = "head-digest";

    public string Kind => OutboxKind;

    public async Task SendAsync(Guid id, CancellationToken cancel)
    {
        var digest = await db.Set<HeadDigest>().FirstAsync(d => d.Id == id, cancel);
        await MailboxSends.Through(async () =>
        {
            if (digest.DraftId is null)
            {
                if (await db.Set<UnitHead>().AsNoTracking().FirstOrDefaultAsync(h => h.Email == digest.Recipient, cancel) is not { } head) return;
                var facts = await FactsAsync(head, digest.Day, cancel);
                var draft = await mail.CreateMailAsync(head.Email, new NewMail(new MailAddress(head.Name, head.Email), HeadDigestText.Subject(digest.Day),
                    HeadDigestText.Html(facts)), GeneratedMail.Headers, cancel);
                digest.DraftId = draft.Id;
                await db.SaveChangesAsync(cancel);
            }
            MailboxSends.Confirmed(await mail.SendAsync(digest.Recipient, digest.DraftId, cancel), digest.CreatedAt, clock, "Veckobrevet");
        });
    }

    public Task GaveUpAsync(Guid id, CancellationToken cancel) => Task.CompletedTask;

    /// <summary>The unit as the head last saw it, as it stands now: absences, covers, overdue mail, and last week's share.</summary>
    public async Task<HeadDigestFacts> FactsAsync(UnitHead head, DateOnly day, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var open = await OpenMail.CountAsync(db.Messages, [.. head.Members, .. head.FunctionMailboxes], dueDates, today, cancel);
        var members = head.Members.Zip(head.MemberNames).ToList();
        var away = await AwayAsync(head, members, open, now, cancel);
        var overdue = members.Select(m => new OverdueNow(m.Second, open.GetValueOrDefault(m.First)?.Overdue ?? 0))
            .Concat(head.FunctionMailboxes.Select(f => new OverdueNow(f, open.GetValueOrDefault(f)?.Overdue ?? 0))).ToList();
        return new HeadDigestFacts(head.Name, day, away, overdue, await LastWeekAsync(head, day, today, cancel), CoverageUrl());
    }

    /// <summary>Read with the head's own session; null when that fails (expired, Graph away): the digest says so and goes anyway.</summary>
    private async Task<IReadOnlyList<AwayWithoutCover>?> AwayAsync(UnitHead head, List<(string Email, string Name)> members,
        Dictionary<string, OpenCount> open, DateTimeOffset now, CancellationToken cancel)
    {
        if (members.Count == 0) return [];
        IReadOnlyList<AutomaticReply> replies;
        try
        {
            replies = await directory.AutomaticRepliesInBackgroundAsync(head.SessionKey, members.Select(m => m.Email).ToList(), cancel);
        }
        catch (Exception error) when (!cancel.IsCancellationRequested)
        {
            log.LogWarning("Frånvaron i enhetschefen {Head}s enhet kunde inte läsas till veckobrevet: {Error}", head.Email, error.Message);
            return null;
        }
        var emails = members.Select(m => m.Email).ToList();
        var covers = await db.Covers.AsNoTracking().Where(c => emails.Contains(c.Member))
            .ToDictionaryAsync(c => c.Member, c => (c.From, c.To), StringComparer.OrdinalIgnoreCase, cancel);
        return HeadDigestText.Away(members, replies, covers, open, now);
    }

    /// <summary>The week before the digest's, from the promise report's own code.</summary>
    private async Task<PromiseReportWeek?> LastWeekAsync(UnitHead head, DateOnly day, DateOnly today, CancellationToken cancel)
    {
        if (head.UnitName is null) return null;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Name == head.UnitName, cancel);
        if (unit is null) return null;
        var monday = ReportRules.MondayOf(day).AddDays(-7);
        var report = await ReportEndpoints.BuildAsync(db, unit, new ReportPeriod(monday, monday.AddDays(6)), calendar, dueDates, today, cancel);
        return report.Weeks.Single();
    }

    private string? CoverageUrl() =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.Trim().TrimEnd('/') + "/coverage";
}
