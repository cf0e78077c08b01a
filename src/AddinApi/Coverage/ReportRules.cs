using System.Globalization;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// The follow-up report's definitions, in one place (README, "Unit heads: the promise report"). The day a mail was
/// received is its day in Europe/Stockholm (FL 22 §: the day it reached the municipality); working days are the
/// product's calendar (Lag 1930:173 2 §, plus the municipality's own days off).
/// </summary>
public sealed class ReportRules(WorkingDayCalendar calendar)
{
    /// <summary>
    /// Within <paramref name="workingDays"/> working days: the first answer or acknowledgement came on or before the
    /// <paramref name="workingDays"/>-th working day after the day received. A mail received on a Saturday has Monday as
    /// its first working day; within two is the product's due date for a question (KS/2016:805), within one is KKiK's
    /// measure since 2018.
    /// </summary>
    public bool Within(DateOnly received, DateOnly firstResponse, int workingDays) =>
        firstResponse <= calendar.AddWorkingDays(received, workingDays);

    /// <summary>
    /// Working days to the answer: the least n for which the answer is <see cref="Within"/> n working days — 0 on the day
    /// received, 1 on the first working day after it; an answer on a day off counts as on the next working day.
    /// </summary>
    public int WorkingDaysTaken(DateOnly received, DateOnly answered) =>
        answered <= received ? 0 : calendar.WorkingDaysBetween(received, answered) + (calendar.IsWorkingDay(answered) ? 0 : 1);

    /// <summary>The middle value; for an even count the mean of the two middle values; null when there is none.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>A share of the received mail, four decimals (0.4286); null for a week with none.</summary>
    public static double? Share(int count, int of) => of == 0 ? null : Math.Round((double)count / of, 4, MidpointRounding.AwayFromZero);

    /// <summary>The Monday of the ISO 8601 week the day is in.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO 8601 week's name, e.g. <c>2026-W53</c> (the year is the week's, not the day's).</summary>
    public static string WeekName(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }
}
