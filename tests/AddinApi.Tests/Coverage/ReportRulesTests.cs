using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>
/// "Within N working days" on both sides of each boundary, around Christmas 2026: julafton Thu 24, juldagen Fri 25,
/// annandag jul Sat 26, nyårsafton Thu 31, nyårsdagen Fri 1 January.
/// </summary>
[TestClass]
public sealed class ReportRulesTests
{
    private static readonly WorkingDayCalendar Calendar = new(new WorkingDayOptions());
    private static readonly ReportRules Rules = new(Calendar);

    private static DateOnly Dec(int day) => new(2026, 12, day);

    [TestMethod]
    public void Answered_on_the_second_working_day_is_within_two_and_the_next_working_day_is_not()
    {
        // Mon 21 → Tue 22 is the first working day, Wed 23 the second; the next working day is Mon 28.
        Assert.IsTrue(Rules.Within(Dec(21), Dec(23), 2));
        Assert.IsFalse(Rules.Within(Dec(21), Dec(28), 2));
        Assert.IsTrue(Rules.Within(Dec(21), Dec(22), 1));
        Assert.IsFalse(Rules.Within(Dec(21), Dec(23), 1));
    }

    [TestMethod]
    public void Answered_on_julafton_is_late_when_the_second_working_day_was_the_day_before()
    {
        // Julafton is not a working day, but the deadline (Wed 23) has passed by then.
        Assert.IsFalse(Rules.Within(Dec(21), Dec(24), 2));
    }

    [TestMethod]
    public void Christmas_and_the_weekend_in_between_do_not_count()
    {
        // Wed 23 → Thu 24, Fri 25, Sat 26, Sun 27 are days off: Mon 28 is the first working day, Tue 29 the second.
        Assert.IsTrue(Rules.Within(Dec(23), Dec(28), 1));
        Assert.IsFalse(Rules.Within(Dec(23), Dec(29), 1));
        Assert.IsTrue(Rules.Within(Dec(23), Dec(29), 2));
        Assert.IsFalse(Rules.Within(Dec(23), Dec(30), 2));
    }

    [TestMethod]
    public void Mail_received_on_a_day_off_counts_from_the_next_working_day()
    {
        // Annandag jul, a Saturday: Mon 28 is its first working day, Tue 29 its second. Nyårsafton: Mon 4 January, then Tue 5.
        Assert.IsTrue(Rules.Within(Dec(26), Dec(28), 1));
        Assert.IsFalse(Rules.Within(Dec(26), Dec(29), 1));
        Assert.IsTrue(Rules.Within(Dec(26), Dec(29), 2));
        Assert.IsFalse(Rules.Within(Dec(26), Dec(30), 2));
        Assert.IsTrue(Rules.Within(Dec(31), new DateOnly(2027, 1, 5), 2));
        Assert.IsFalse(Rules.Within(Dec(31), new DateOnly(2027, 1, 7), 2)); // Wed 6: trettondedag jul
    }

    [TestMethod]
    public void A_municipal_day_off_moves_the_boundary()
    {
        // Kristi himmelsfärdsdag Thu 14 May 2026; the municipality gives Fri 15 off (klämdag).
        var withKlamdag = new ReportRules(new WorkingDayCalendar(new WorkingDayOptions
        {
            ExtraDaysOff = [new DayOff(new DateOnly(2026, 5, 15), "klämdag")],
        }));
        var received = new DateOnly(2026, 5, 13);
        Assert.IsTrue(Rules.Within(received, new DateOnly(2026, 5, 15), 1));
        Assert.IsFalse(Rules.Within(received, new DateOnly(2026, 5, 18), 1));
        Assert.IsTrue(withKlamdag.Within(received, new DateOnly(2026, 5, 18), 1));
        Assert.IsFalse(withKlamdag.Within(received, new DateOnly(2026, 5, 19), 1));
    }

    [TestMethod]
    public void Answered_the_day_received_takes_no_working_day_and_a_day_off_counts_as_the_next_working_day()
    {
        Assert.AreEqual(0, Rules.WorkingDaysTaken(Dec(21), Dec(21)));
        Assert.AreEqual(0, Rules.WorkingDaysTaken(Dec(26), Dec(26)));
        Assert.AreEqual(1, Rules.WorkingDaysTaken(Dec(21), Dec(22)));
        Assert.AreEqual(1, Rules.WorkingDaysTaken(Dec(23), Dec(28)));
        Assert.AreEqual(1, Rules.WorkingDaysTaken(Dec(23), Dec(24))); // answered on julafton: as on Mon 28
        Assert.AreEqual(3, Rules.WorkingDaysTaken(Dec(21), Dec(24))); // after Wed 23, so the third
        Assert.AreEqual(0, Rules.WorkingDaysTaken(Dec(22), Dec(21))); // a clock that was behind: never negative
    }

    [TestMethod]
    public void Working_days_taken_and_within_say_the_same_for_every_pair_of_days_of_a_year()
    {
        for (var received = new DateOnly(2026, 1, 1); received.Year == 2026; received = received.AddDays(1))
            for (var answered = received; answered <= received.AddDays(20); answered = answered.AddDays(1))
                for (var n = 0; n <= 4; n++)
                    Assert.AreEqual(Rules.WorkingDaysTaken(received, answered) <= n, Rules.Within(received, answered, n), $"{received} → {answered}, {n}");
    }

    [TestMethod]
    public void Within_two_working_days_is_the_due_date_of_a_question()
    {
        var dueDates = new DueDates(Calendar);
        for (var received = new DateOnly(2026, 1, 1); received.Year == 2026; received = received.AddDays(1))
        {
            var due = dueDates.DueDate(received, MessageCategory.Question);
            Assert.IsTrue(Rules.Within(received, due, 2), $"{received:yyyy-MM-dd}");
            Assert.IsFalse(Rules.Within(received, due.AddDays(1), 2), $"{received:yyyy-MM-dd}");
        }
    }

    [TestMethod]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.IsNull(ReportRules.Median([]));
        Assert.AreEqual(2.0, ReportRules.Median([3, 0, 2]));
        Assert.AreEqual(1.5, ReportRules.Median([0, 3, 1, 2]));
        Assert.AreEqual(1.0, ReportRules.Median([1, 1]));
    }

    [TestMethod]
    public void Weeks_are_iso_weeks_from_monday()
    {
        Assert.AreEqual(Dec(21), ReportRules.MondayOf(Dec(27)));
        Assert.AreEqual(Dec(28), ReportRules.MondayOf(Dec(28)));
        Assert.AreEqual("2026-W52", ReportRules.WeekName(Dec(21)));
        Assert.AreEqual("2026-W53", ReportRules.WeekName(new DateOnly(2027, 1, 3))); // 2026 has 53 ISO weeks
        Assert.AreEqual("2027-W01", ReportRules.WeekName(new DateOnly(2027, 1, 4)));
    }

    [TestMethod]
    public void A_share_has_four_decimals_rounded_half_away_from_zero_and_none_for_an_empty_week()
    {
        Assert.IsNull(ReportRules.Share(0, 0), "no mail: nothing to measure, not 0 %");
        Assert.AreEqual(0.0, ReportRules.Share(0, 5));
        Assert.AreEqual(1.0, ReportRules.Share(5, 5));
        Assert.AreEqual(0.3636, ReportRules.Share(4, 11));
        Assert.AreEqual(0.6667, ReportRules.Share(2, 3));
        Assert.AreEqual(0.1250, ReportRules.Share(1, 8));
        Assert.AreEqual(0.0001, ReportRules.Share(1, 20_000), "0.00005 rounds up");
    }
}
