using System.Globalization;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// The weeks a report covers: from the Monday of <c>from</c>'s ISO week to the Sunday of <c>to</c>'s, so that every week
/// in it is whole; at most 53 weeks (a year, whichever its first week).
/// </summary>
public sealed record ReportPeriod(DateOnly Monday, DateOnly Sunday)
{
    public const int MaxWeeks = 53;
    private static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2099, 12, 31);

    public int Weeks => (Sunday.DayNumber - Monday.DayNumber + 1) / 7;

    public IEnumerable<DateOnly> Mondays => Enumerable.Range(0, Weeks).Select(w => Monday.AddDays(7 * w));

    /// <summary>The first instant of the period and the first after it, as instants (Monday 00:00 in Stockholm).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants => (StartOf(Monday), StartOf(Sunday.AddDays(1)));

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Stockholm.Zone.GetUtcOffset(local));
    }

    /// <summary>The period asked for, or a 400 in Swedish naming the field.</summary>
    public static (ReportPeriod? Period, ValidationProblem? Problem) Parse(string? from, string? to)
    {
        var (start, startProblem) = Day("from", from);
        if (startProblem is not null) return (null, startProblem);
        var (end, endProblem) = Day("to", to);
        if (endProblem is not null) return (null, endProblem);
        if (start > end) return (null, Invalid.Field("to", $"to ({end:yyyy-MM-dd}) får inte vara före from ({start:yyyy-MM-dd})."));
        var period = new ReportPeriod(ReportRules.MondayOf(start), ReportRules.MondayOf(end).AddDays(6));
        if (period.Weeks > MaxWeeks)
            return (null, Invalid.Field("to", $"Rapporten omfattar högst {MaxWeeks} veckor; from till to är {period.Weeks} veckor. Välj ett kortare intervall."));
        return (period, null);
    }

    private static (DateOnly Day, ValidationProblem? Problem) Day(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (default, Invalid.Field(field, $"Ange {field} som ett datum, till exempel 2026-12-21."));
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (default, Invalid.Field(field, $"{field} ska vara ett datum som 2026-12-21 (år-månad-dag)."));
        if (day < Earliest || day > Latest)
            return (default, Invalid.Field(field, $"{field} ska ligga mellan {Earliest:yyyy-MM-dd} och {Latest:yyyy-MM-dd}."));
        return (day, null);
    }
}
