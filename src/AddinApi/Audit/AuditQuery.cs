using System.Globalization;
using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Audit;

/// <summary>
/// What a reader asks of the log: from and to as days in Stockholm (both included), an action prefix, a page size, and
/// the cursor of the page before. Read from the query string's text, so that every bad value is a Swedish 400.
/// </summary>
public sealed partial record AuditQuery(DateTimeOffset? Start, DateTimeOffset? End, string? Action, AuditCursor? Before, int Limit)
{
    public const int DefaultLimit = 50, MaxLimit = 200;
    private static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2099, 12, 31);

    public static (AuditQuery? Query, ValidationProblem? Problem) Parse(string? from, string? to, string? action, string? before, string? limit)
    {
        var (first, fromProblem) = Day("from", from);
        if (fromProblem is not null) return (null, fromProblem);
        var (last, toProblem) = Day("to", to);
        if (toProblem is not null) return (null, toProblem);
        if (first > last) return (null, Invalid.Field("to", $"to ({last:yyyy-MM-dd}) får inte vara före from ({first:yyyy-MM-dd})."));
        var prefix = string.IsNullOrWhiteSpace(action) ? null : action.Trim().ToLowerInvariant();
        if (prefix is not null && (prefix.Length > 64 || !ActionPrefix().IsMatch(prefix)))
            return (null, Invalid.Field("action", "action ska vara början av en händelse, till exempel registration eller acknowledgement.sent " +
                                                  "(högst 64 tecken: a–z, punkt och bindestreck)."));
        AuditCursor? cursor = null;
        if (!string.IsNullOrWhiteSpace(before) && (cursor = AuditCursor.Parse(before.Trim())) is null)
            return (null, Invalid.Field("before", "before ska vara next från föregående sida, till exempel 639004320000000000-42."));
        var size = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
            return (null, Invalid.Field("limit", $"limit ska vara ett heltal från 1 till {MaxLimit}."));
        return (new AuditQuery(StartOf(first), last is { } end ? StartOf(end.AddDays(1)) : null, prefix, cursor, size), null);
    }

    private static (DateOnly? Day, ValidationProblem? Problem) Day(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (null, Invalid.Field(field, $"{field} ska vara ett datum som 2026-11-25 (år-månad-dag)."));
        if (day < Earliest || day > Latest)
            return (null, Invalid.Field(field, $"{field} ska ligga mellan {Earliest:yyyy-MM-dd} och {Latest:yyyy-MM-dd}."));
        return (day, null);
    }

    /// <summary>The first instant of a day in Stockholm (midnight local time, whatever the season's offset).</summary>
    private static DateTimeOffset? StartOf(DateOnly? day)
    {
        if (day is null) return null;
        var local = day.Value.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Stockholm.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    [GeneratedRegex("^[a-z][a-z.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPrefix();
}

/// <summary>
/// Where the previous page ended: the last line's instant (in ticks, finer than either database keeps) and its id, so the
/// next page starts just below it however many lines share an instant.
/// </summary>
public sealed record AuditCursor(DateTimeOffset At, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}-{Id}");

    public static AuditCursor? Parse(string text)
    {
        var parts = text.Split('-');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
               && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
