using PublicHoliday;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>A day off work, with its Swedish name.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">Its name: the holiday, "lördag", "söndag", or the municipality's own name for a day off.</param>
public sealed record DayOff(DateOnly Date, string Name);

/// <summary>Municipal days off beyond the law (klämdagar decided locally), from configuration.</summary>
public sealed class WorkingDayOptions
{
    public const string Section = "WorkingDays";

    public List<ConfiguredDayOff> ExtraDaysOff { get; set; } = [];
}

/// <summary>
/// A day off as configured. Settable properties, not a record: the configuration binder silently drops a record whose
/// constructor it cannot fill, and a municipal day off lost without a word would move every due date around it.
/// </summary>
public sealed class ConfiguredDayOff
{
    public DateOnly? Date { get; set; }
    public string? Name { get; set; }

    public static implicit operator ConfiguredDayOff(DayOff day) => new() { Date = day.Date, Name = day.Name };
}

/// <summary>
/// Lag (1930:173) 2 §: a time limit that ends on a Saturday, Sunday, other allmän helgdag, midsommarafton,
/// julafton or nyårsafton moves to the next weekday — so those are the days that are not working days, plus
/// the municipality's own days off. The holidays (Lag 1989:253) come from PublicHoliday's
/// <see cref="SwedenPublicHoliday"/>; its known faults are guarded here: each holiday is taken from its own
/// method (IsPublicHoliday misses alla helgons dag on 31 October, PublicHolidays() lists a shared date twice),
/// and nationaldagen counts only from 2005, annandag pingst only before (SFS 2004:1316).
/// </summary>
public sealed class WorkingDayCalendar(WorkingDayOptions options)
{
    private readonly Dictionary<int, Dictionary<DateOnly, string>> _years = [];
    private readonly Lock _lock = new();

    public bool IsWorkingDay(DateOnly day) => NameOfDayOff(day) is null;

    /// <summary>The day's name when it is not a working day, else null.</summary>
    public string? NameOfDayOff(DateOnly day)
    {
        if (HolidaysOf(day.Year).TryGetValue(day, out var name)) return name;
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => "lördag",
            DayOfWeek.Sunday => "söndag",
            _ => null,
        };
    }

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="day"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count--;
        }
        return day;
    }

    /// <summary><paramref name="day"/> itself when it is a working day, else the next one.</summary>
    public DateOnly SameOrNextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        for (var day = low.AddDays(1); day <= high; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return sign * count;
    }

    /// <summary>Every day that is not a working day in [from, to], with its name.</summary>
    public IEnumerable<DayOff> DaysOff(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
            if (NameOfDayOff(day) is { } name) yield return new DayOff(day, name);
    }

    private Dictionary<DateOnly, string> HolidaysOf(int year)
    {
        lock (_lock)
        {
            if (_years.TryGetValue(year, out var known)) return known;
            var days = new Dictionary<DateOnly, string>();
            void Add(DateTime date, string name)
            {
                var day = DateOnly.FromDateTime(date);
                days[day] = days.TryGetValue(day, out var other) ? $"{other} och {name}" : name;
            }
            Add(SwedenPublicHoliday.NewYear(year), "nyårsdagen");
            Add(SwedenPublicHoliday.Epiphany(year), "trettondedag jul");
            Add(SwedenPublicHoliday.GoodFriday(year), "långfredagen");
            Add(SwedenPublicHoliday.Easter(year), "påskdagen");
            Add(SwedenPublicHoliday.EasterMonday(year), "annandag påsk");
            Add(SwedenPublicHoliday.LabourDay(year), "första maj");
            Add(SwedenPublicHoliday.Ascension(year), "Kristi himmelsfärdsdag");
            Add(SwedenPublicHoliday.WhitSunday(year), "pingstdagen");
            if (year >= 2005) Add(SwedenPublicHoliday.NationalDay(year), "Sveriges nationaldag");
            else Add(SwedenPublicHoliday.WhitSunday(year).AddDays(1), "annandag pingst");
            Add(SwedenPublicHoliday.MidsummerEve(year), "midsommarafton");
            Add(SwedenPublicHoliday.MidsummerDay(year), "midsommardagen");
            Add(SwedenPublicHoliday.AllSaintsDay(year), "alla helgons dag");
            Add(SwedenPublicHoliday.ChristmasEve(year), "julafton");
            Add(SwedenPublicHoliday.Christmas(year), "juldagen");
            Add(SwedenPublicHoliday.BoxingDay(year), "annandag jul");
            Add(SwedenPublicHoliday.NewYearsEve(year), "nyårsafton");
            foreach (var extra in options.ExtraDaysOff.Where(d => d.Date?.Year == year).Select(d => new DayOff(d.Date!.Value, d.Name ?? "")))
                days.TryAdd(extra.Date, extra.Name);
            return _years[year] = days;
        }
    }
}
