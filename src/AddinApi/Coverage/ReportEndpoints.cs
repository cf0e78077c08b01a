using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>What the report needs, grouped (eShop's OrderServices).</summary>
internal sealed record ReportServices(KontaktlofteDb Db, SignedInOfficial Me, WorkingDayCalendar Calendar, DueDates DueDates, TimeProvider Clock);

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapPromiseReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/promise", GetAsync)
            .WithName("GetPromiseReport")
            .WithSummary("Enhetschef: uppföljning av kontaktlöftet per vecka för en enhet")
            .WithDescription("Inkommen post från invånare per ISO-vecka: per kategori, andel besvarad eller bekräftad inom en och inom två " +
                             "arbetsdagar, median arbetsdagar till svar och försenade nu. Bara antal, inga personer. CSV (semikolon, UTF-8 med BOM) " +
                             "med Accept: text/csv eller format=csv.")
            .WithTags("Enhetschef")
            // The same report as JSON or, with Accept: text/csv or format=csv, as a CSV file.
            .Produces<PromiseReport>(StatusCodes.Status200OK, "application/json", ReportCsv.ContentType)
            .RequireAuthorization(Policies.UnitHead);
        return app;
    }

    /// <summary>The follow-up of the promise for one unit, per ISO week; CSV for <c>Accept: text/csv</c> or <c>format=csv</c>.</summary>
    /// <param name="from">A day of the first week, e.g. 2026-12-21 (the report starts on that week's Monday).</param>
    /// <param name="to">A day of the last week (the report ends on that week's Sunday); at most 53 weeks after from's.</param>
    /// <param name="unit">The unit's name; the head's own unit when left out.</param>
    /// <param name="format">json (the default) or csv.</param>
    /// <param name="request">Its Accept header asks for CSV.</param>
    /// <param name="s">The database, the signed-in head, the calendar and the clock.</param>
    /// <param name="cancel">The caller left.</param>
    private static async Task<Results<Ok<PromiseReport>, FileContentHttpResult, ValidationProblem>> GetAsync(string? from, string? to, string? unit,
        string? format, HttpRequest request, [AsParameters] ReportServices s, CancellationToken cancel)
    {
        if (Csv(format, request) is not { } csv) return Invalid.Field("format", "format ska vara json eller csv.");
        var (period, periodProblem) = ReportPeriod.Parse(from, to);
        if (periodProblem is not null) return periodProblem;
        var (found, unitProblem) = await UnitAsync(unit, s, cancel);
        if (unitProblem is not null) return unitProblem;

        var report = await BuildAsync(s.Db, found!, period!, s.Calendar, s.DueDates, s.Clock.Today(), cancel);
        return csv ? TypedResults.File(ReportCsv.Write(report), $"{ReportCsv.ContentType}; charset=utf-8", ReportCsv.FileName(report))
            : TypedResults.Ok(report);
    }

    /// <summary>
    /// One query for the messages (after three small look-ups for the unit's mailboxes), counted in memory. Also the unit
    /// heads' Monday digest's share of last week: one definition.
    /// </summary>
    internal static async Task<PromiseReport> BuildAsync(KontaktlofteDb db, Unit unit, ReportPeriod period, WorkingDayCalendar calendar,
        DueDates dueDates, DateOnly today, CancellationToken cancel)
    {
        var mailboxes = await ReportUnits.MailboxesAsync(db, unit, cancel);
        var (start, end) = period.Instants;
        var all = db.Messages;
        var messages = await all.AsNoTracking()
            .Where(m => mailboxes.Contains(m.Mailbox) && DueDates.Promised.Contains(m.Category) && m.ReceivedAt >= start && m.ReceivedAt < end
                        // The promise follows a handed-over mail: it counts once, as the copy in the mailbox where it ended
                        // (which keeps the received date); the original only while no copy is tracked (the forward still in the outbox, or
                        // handed to a mailbox nobody watches). A null on both sides would match in EF's C# null semantics: hence the guard.
                        && !(m.HandedOverAt != null && m.HandoverInternetMessageId != null
                             && all.Any(copy => copy.InternetMessageId == m.HandoverInternetMessageId)))
            // Only what the counts need: never the citizen's name, address or subject.
            .Select(m => new TrackedMessage
            {
                Id = m.Id, Mailbox = m.Mailbox, Language = m.Language, ReceivedAt = m.ReceivedAt, Category = m.Category, DueDate = m.DueDate,
                PromisedDate = m.PromisedDate, AnsweredAt = m.AnsweredAt, AcknowledgedAt = m.AcknowledgedAt, HandedOverAt = m.HandedOverAt,
            })
            .ToListAsync(cancel);
        var weeks = new ReportWeeks(new ReportRules(calendar), dueDates).Count(unit.Name, period, messages, today);
        return new PromiseReport(unit.Name, period.Monday, period.Sunday, today, weeks);
    }

    /// <summary>CSV for <c>format=csv</c>, or for <c>Accept: text/csv</c> unless <c>format=json</c>; null for another format.</summary>
    private static bool? Csv(string? format, HttpRequest request) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" => request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ReportCsv.ContentType, StringComparison.OrdinalIgnoreCase)),
        "csv" => true,
        "json" => false,
        _ => null,
    };

    /// <summary>
    /// The unit asked for by name, else the head's own. A head may follow any unit: the report holds counts per unit, no
    /// person, and the mail log behind it is a public record.
    /// </summary>
    private static async Task<(Unit? Unit, ValidationProblem? Problem)> UnitAsync(string? name, ReportServices s, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            var email = (await s.Me.GetAsync(cancel)).Email;
            var own = await s.Db.Officials.AsNoTracking().Where(o => o.Email == email).Select(o => o.Unit).FirstOrDefaultAsync(cancel);
            return own is null ? (null, Invalid.Field("unit", "Du hör inte till någon enhet i Kontaktlöfte. Ange unit: enhetens namn.")) : (own, null);
        }
        name = name.Trim();
        if (name.Length > 200) return (null, Invalid.Field("unit", "unit får vara högst 200 tecken."));
        // Units are few (hundreds): compared in memory, so that "bygglovsenheten" finds "Bygglovsenheten" in every database.
        var units = await s.Db.Units.AsNoTracking().ToListAsync(cancel);
        var unit = units.FirstOrDefault(u => u.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return unit is null ? (null, Invalid.Field("unit", $"Det finns ingen enhet som heter {name}.")) : (unit, null);
    }
}
