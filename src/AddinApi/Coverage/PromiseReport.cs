using System.Text.Json.Serialization;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>The follow-up of the contact promise (KS/2016:805) for one unit, ISO week by ISO week. Counts only: no person.</summary>
/// <param name="Unit">The unit (enhet) the report is for.</param>
/// <param name="From">The Monday of the first week (the week <c>from</c> falls in).</param>
/// <param name="To">The Sunday of the last week (the week <c>to</c> falls in).</param>
/// <param name="Today">The day "overdue now" is counted on (Europe/Stockholm).</param>
/// <param name="Weeks">Every week of the period, oldest first, also a week with no mail.</param>
public sealed record PromiseReport(string Unit, DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<PromiseReportWeek> Weeks);

/// <summary>One ISO week (Monday–Sunday, Europe/Stockholm) of one unit's citizen mail, by the day it was received.</summary>
/// <param name="Week">The ISO week, e.g. <c>2026-W52</c>.</param>
/// <param name="Monday">Its first day.</param>
/// <param name="Sunday">Its last day.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Received">Citizen mail received (internal and automatic mail left out; a handed-over mail once, where it ended).</param>
/// <param name="ByCategory">The same, by category.</param>
/// <param name="WithinOneWorkingDay">Answered or acknowledged on or before the first working day after the day received.</param>
/// <param name="ShareWithinOneWorkingDay">That as a share of <paramref name="Received"/> (0–1, four decimals); null for a week with none.</param>
/// <param name="WithinTwoWorkingDays">Answered or acknowledged on or before the second working day after the day received (the promise).</param>
/// <param name="ShareWithinTwoWorkingDays">That as a share of <paramref name="Received"/>; null for a week with none.</param>
/// <param name="Answered">Answered so far (an acknowledgement is not an answer).</param>
/// <param name="MedianWorkingDaysToAnswer">The median working days from the day received to the answer, of the answered; the mean of the two middle ones for an even count; null when none is answered.</param>
/// <param name="OverdueNow">Still open and past the promised date or due date today (as the worklist's "overdue").</param>
public sealed record PromiseReportWeek(string Week, DateOnly Monday, DateOnly Sunday, string Unit, int Received, ReceivedByCategory ByCategory,
    int WithinOneWorkingDay, double? ShareWithinOneWorkingDay, int WithinTwoWorkingDays, double? ShareWithinTwoWorkingDays,
    int Answered, double? MedianWorkingDaysToAnswer, int OverdueNow);

/// <summary>Citizen mail received, by category (the names of <c>/api/messages/classify</c>).</summary>
/// <param name="Question">Questions.</param>
/// <param name="Opinion">Opinions and complaints (synpunkter, klagomål).</param>
/// <param name="FaultReport">Fault reports (felanmälningar).</param>
/// <param name="DocumentRequest">Requests for public records (begäran om allmän handling).</param>
/// <param name="Callback">Requests to be called back.</param>
public sealed record ReceivedByCategory(
    int Question,
    int Opinion,
    [property: JsonPropertyName("fault-report")] int FaultReport,
    [property: JsonPropertyName("document-request")] int DocumentRequest,
    int Callback);
