using System.Globalization;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Promises;

public static class DeadlineEndpoints
{
    /// <summary>The longest range <c>GET /api/calendar</c> lists at once.</summary>
    public const int MaxCalendarDays = 731;

    public static IEndpointRouteBuilder MapDeadlines(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Svarstider").RequireAuthorization(Policies.Official);
        api.MapGet("/deadlines", GetDeadline)
            .WithName("GetDeadline")
            .WithSummary("När ett meddelande senast ska besvaras")
            .WithDescription("Mottagningsdagen är kalenderdagen i Sverige (FL 22 §). Fråga, synpunkt, felanmälan och " +
                             "återuppringning: andra arbetsdagen efter mottagningsdagen. Begäran om allmän handling: samma dag, " +
                             "eller nästa arbetsdag om den kom in en ledig dag.");
        api.MapGet("/calendar", GetCalendar)
            .WithName("GetCalendar")
            .WithSummary("Dagar som inte är arbetsdagar, med svenska namn")
            .WithDescription("Helgdagar, midsommar-, jul- och nyårsafton, lördagar, söndagar och kommunens egna lediga dagar.");
        api.MapGet("/answer-dates", GetAnswerDates)
            .WithName("GetAnswerDates")
            .WithSummary("Arbetsdagar som kan lovas som svarsdatum, från i dag")
            .WithDescription("I dag räknas i Sverige (Europe/Stockholm), inte i UTC: mellan midnatt och ett på natten är det redan nästa dag här.");
        return app;
    }

    /// <summary>How many working days <c>GET /api/answer-dates</c> offers.</summary>
    public const int AnswerDatesOffered = 30;

    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="clock">The clock.</param>
    private static Ok<AnswerDates> GetAnswerDates(WorkingDayCalendar calendar, TimeProvider clock)
    {
        var today = clock.Today();
        var dates = new List<DateOnly>(AnswerDatesOffered);
        for (var day = calendar.SameOrNextWorkingDay(today); dates.Count < AnswerDatesOffered; day = calendar.AddWorkingDays(day, 1))
            dates.Add(day);
        return TypedResults.Ok(new AnswerDates(today, dates));
    }

    /// <param name="receivedAt">When the message arrived, ISO 8601 with offset, e.g. 2026-11-27T16:05:00+01:00.</param>
    /// <param name="category">question, opinion, fault-report, document-request or callback.</param>
    /// <param name="today">The day to count from (yyyy-MM-dd); default today in Europe/Stockholm.</param>
    /// <param name="dueDates">The due-date rules.</param>
    /// <param name="clock">The clock.</param>
    private static Results<Ok<Deadline>, ValidationProblem> GetDeadline(
        string? receivedAt, string? category, string? today, DueDates dueDates, TimeProvider clock)
    {
        if (!TryParseMoment(receivedAt, out var received))
            return Invalid.Field("receivedAt", "Ange receivedAt som ISO 8601 med tidszon, till exempel 2026-11-27T16:05:00+01:00 (skriv + som %2B i en adress).");
        if (!Categories.TryParse(category, out var kind) || !DueDates.HasPromise(kind))
            return Invalid.Field("category", "Ange category: question, opinion, fault-report, document-request eller callback.");
        var day = clock.Today();
        if (today is not null && !TryParseDay(today, out day))
            return Invalid.Field("today", "Ange today som åååå-mm-dd.");
        return TypedResults.Ok(dueDates.For(received, kind, day));
    }

    /// <param name="from">First day, yyyy-MM-dd.</param>
    /// <param name="to">Last day, yyyy-MM-dd; at most two years after <paramref name="from"/>.</param>
    /// <param name="calendar">The working-day calendar.</param>
    private static Results<Ok<List<DayOff>>, ValidationProblem> GetCalendar(string? from, string? to, WorkingDayCalendar calendar)
    {
        if (!TryParseDay(from, out var first)) return Invalid.Field("from", "Ange from som åååå-mm-dd.");
        if (!TryParseDay(to, out var last)) return Invalid.Field("to", "Ange to som åååå-mm-dd.");
        if (last < first) return Invalid.Field("to", "to får inte vara före from.");
        if (last.DayNumber - first.DayNumber > MaxCalendarDays) return Invalid.Field("to", "Välj högst två år åt gången.");
        return TypedResults.Ok(calendar.DaysOff(first, last).ToList());
    }

    /// <summary>Years the calendar counts in: past its ends, "two working days later" overflows DateOnly (a 500 before).</summary>
    private const int FirstYear = 1900, LastYear = 2199;

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) &&
        day.Year is >= FirstYear and <= LastYear;

    /// <summary>ISO 8601; a time without offset is taken as Swedish time, and a "+" that a URL turned into a space is mended.</summary>
    public static bool TryParseMoment(string? text, out DateTimeOffset moment)
    {
        moment = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.Length > 19 && text[^6] == ' ') text = string.Concat(text.AsSpan(0, text.Length - 6), "+", text.AsSpan(text.Length - 5));
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)) return false;
        // Also keeps the offset from moving the moment past DateTime's ends (0001-01-01T00:00:00+14:00 threw).
        if (parsed.Year is < FirstYear or > LastYear) return false;
        moment = parsed.Kind switch
        {
            DateTimeKind.Unspecified => new DateTimeOffset(parsed, Stockholm.Zone.GetUtcOffset(parsed)),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };
        return true;
    }
}

/// <summary>The days an official may promise an answer on.</summary>
/// <param name="Today">Today in Sweden.</param>
/// <param name="Dates">The working days from today on (today included when it is one), in order.</param>
public sealed record AnswerDates(DateOnly Today, IReadOnlyList<DateOnly> Dates);
