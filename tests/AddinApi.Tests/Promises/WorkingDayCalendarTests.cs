using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Promises;

[TestClass]
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(new WorkingDayOptions());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [TestMethod]
    [DataRow(2024, "2024-03-31", "2024-06-21", "2024-11-02")]
    [DataRow(2025, "2025-04-20", "2025-06-20", "2025-11-01")]
    [DataRow(2026, "2026-04-05", "2026-06-19", "2026-10-31")]
    [DataRow(2027, "2027-03-28", "2027-06-25", "2027-11-06")]
    [DataRow(2028, "2028-04-16", "2028-06-23", "2028-11-04")]
    [DataRow(2029, "2029-04-01", "2029-06-22", "2029-11-03")]
    [DataRow(2030, "2030-04-21", "2030-06-21", "2030-11-02")]
    [DataRow(2031, "2031-04-13", "2031-06-20", "2031-11-01")]
    public void Every_day_off_of_the_law_is_not_a_working_day(int year, string easter, string midsummerEve, string allSaints)
    {
        var e = D(easter);
        var expected = new Dictionary<DateOnly, string>
        {
            [new(year, 1, 1)] = "nyårsdagen",
            [new(year, 1, 6)] = "trettondedag jul",
            [e.AddDays(-2)] = "långfredagen",
            [e] = "påskdagen",
            [e.AddDays(1)] = "annandag påsk",
            [new(year, 5, 1)] = "första maj",
            [e.AddDays(39)] = "Kristi himmelsfärdsdag",
            [e.AddDays(49)] = "pingstdagen",
            [new(year, 6, 6)] = "Sveriges nationaldag",
            [D(midsummerEve)] = "midsommarafton",
            [D(midsummerEve).AddDays(1)] = "midsommardagen",
            [D(allSaints)] = "alla helgons dag",
            [new(year, 12, 24)] = "julafton",
            [new(year, 12, 25)] = "juldagen",
            [new(year, 12, 26)] = "annandag jul",
            [new(year, 12, 31)] = "nyårsafton",
        };

        foreach (var (day, name) in expected)
        {
            Assert.IsFalse(Calendar.IsWorkingDay(day), $"{day} {name}");
            Assert.AreEqual(name, Calendar.NameOfDayOff(day), $"{day}");
        }
        Assert.AreEqual(DayOfWeek.Friday, D(midsummerEve).DayOfWeek);
        Assert.AreEqual(DayOfWeek.Saturday, D(allSaints).DayOfWeek);
        Assert.IsTrue(Calendar.IsWorkingDay(e.AddDays(2)) || e.AddDays(2) == new DateOnly(year, 5, 1), "the Tuesday after Easter works");
        Assert.IsTrue(Calendar.IsWorkingDay(D(allSaints).AddDays(-1)), "the Friday before All Saints is an ordinary working day");
        var whitMonday = e.AddDays(50);
        Assert.AreEqual(whitMonday == new DateOnly(year, 6, 6) ? "Sveriges nationaldag" : null, Calendar.NameOfDayOff(whitMonday),
            "annandag pingst is no longer a holiday");
    }

    [TestMethod]
    public void Alla_helgons_dag_on_31_october_is_a_day_off_even_where_the_library_misses_it()
    {
        Assert.AreEqual("alla helgons dag", Calendar.NameOfDayOff(new DateOnly(2026, 10, 31)));
        Assert.AreEqual("alla helgons dag", Calendar.NameOfDayOff(new DateOnly(2020, 10, 31)));
    }

    [TestMethod]
    public void A_date_shared_by_two_holidays_is_one_day_off_with_both_names()
    {
        // 2008: Kristi himmelsfärdsdag fell on första maj.
        var days = Calendar.DaysOff(new DateOnly(2008, 5, 1), new DateOnly(2008, 5, 1)).ToList();

        Assert.HasCount(1, days);
        Assert.AreEqual("första maj och Kristi himmelsfärdsdag", days[0].Name);
    }

    [TestMethod]
    public void Nationaldagen_counts_from_2005_and_annandag_pingst_before()
    {
        Assert.IsTrue(Calendar.IsWorkingDay(new DateOnly(2003, 6, 6)), "2003-06-06 was a Friday and a working day");
        Assert.AreEqual("annandag pingst", Calendar.NameOfDayOff(new DateOnly(2004, 5, 31)));
        Assert.AreEqual("Sveriges nationaldag", Calendar.NameOfDayOff(new DateOnly(2005, 6, 6)));
    }

    [TestMethod]
    public void Weekends_are_named()
    {
        Assert.AreEqual("lördag", Calendar.NameOfDayOff(new DateOnly(2026, 11, 28)));
        Assert.AreEqual("söndag", Calendar.NameOfDayOff(new DateOnly(2026, 11, 29)));
        Assert.IsNull(Calendar.NameOfDayOff(new DateOnly(2026, 11, 30)));
    }

    [TestMethod]
    public void A_municipal_day_off_from_configuration_is_not_a_working_day()
    {
        var calendar = new WorkingDayCalendar(new WorkingDayOptions { ExtraDaysOff = [new DayOff(new DateOnly(2026, 5, 15), "klämdag")] });

        Assert.AreEqual("klämdag", calendar.NameOfDayOff(new DateOnly(2026, 5, 15)));
        Assert.AreEqual(new DateOnly(2026, 5, 19), calendar.AddWorkingDays(new DateOnly(2026, 5, 13), 2));
    }

    [TestMethod]
    public void Working_days_between_count_after_the_first_day_up_to_and_including_the_last()
    {
        Assert.AreEqual(2, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 1)));
        Assert.AreEqual(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)));
        Assert.AreEqual(-1, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1)));
        Assert.AreEqual(-2, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 1)));
    }
}
