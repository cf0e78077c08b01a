using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>Counts one unit's tracked citizen mail into report weeks, in memory (at most 53 weeks of one unit).</summary>
public sealed class ReportWeeks(ReportRules rules, DueDates dueDates)
{
    public const int OneWorkingDay = 1;

    public IReadOnlyList<PromiseReportWeek> Count(string unit, ReportPeriod period, IEnumerable<TrackedMessage> messages, DateOnly today)
    {
        var byWeek = messages.Where(m => DueDates.HasPromise(m.Category))
            .ToLookup(m => ReportRules.MondayOf(Stockholm.DayOf(m.ReceivedAt)));
        return period.Mondays.Select(monday => Week(unit, monday, byWeek[monday].ToList(), today)).ToList();
    }

    private PromiseReportWeek Week(string unit, DateOnly monday, List<TrackedMessage> received, DateOnly today)
    {
        int Of(MessageCategory category) => received.Count(m => m.Category == category);
        var within1 = received.Count(m => Within(m, OneWorkingDay));
        var within2 = received.Count(m => Within(m, DueDates.PromisedWorkingDays));
        var answered = received.Where(m => m.AnsweredAt is not null).ToList();
        // The worklist's "overdue", from the one definition of where a promise stands.
        var overdue = received.Count(m => dueDates.Standing(m, today).State == PromiseState.Overdue);
        return new PromiseReportWeek(ReportRules.WeekName(monday), monday, monday.AddDays(6), unit, received.Count,
            new ReceivedByCategory(Of(MessageCategory.Question), Of(MessageCategory.Opinion), Of(MessageCategory.FaultReport),
                Of(MessageCategory.DocumentRequest), Of(MessageCategory.Callback)),
            within1, ReportRules.Share(within1, received.Count), within2, ReportRules.Share(within2, received.Count),
            answered.Count,
            ReportRules.Median(answered.Select(m => rules.WorkingDaysTaken(Stockholm.DayOf(m.ReceivedAt), Stockholm.DayOf(m.AnsweredAt!.Value)))),
            overdue);
    }

    /// <summary>The first answer or acknowledgement, whichever came first, within the working days.</summary>
    private bool Within(TrackedMessage message, int workingDays) =>
        FirstResponse(message) is { } first && rules.Within(Stockholm.DayOf(message.ReceivedAt), Stockholm.DayOf(first), workingDays);

    private static DateTimeOffset? FirstResponse(TrackedMessage message) =>
        (message.AnsweredAt, message.AcknowledgedAt) switch
        {
            ({ } answered, { } acknowledged) => answered < acknowledged ? answered : acknowledged,
            (var answered, var acknowledged) => answered ?? acknowledged,
        };
}
