using System.Globalization;
using CsCheck;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// The values the fuzz tries in a string field, by class: a valid one for its kind, the hostile ones every text field
/// gets, and the calendar's edges for dates, moments and times; and, for the reach test, which classes a value is in.
/// </summary>
public static partial class FieldValues
{
    /// <summary>The fixed day of the test clock (Reviewing.Now).</summary>
    public static readonly DateTimeOffset Now = Tests.Drafts.Reviewing.Now;

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.DateTime);

    /// <summary>What every text field must be tried with; the dates' edges come on top (<see cref="Boundaries"/>).</summary>
    public static readonly ValueClass[] Hostile =
    [
        ValueClass.VeryLong, ValueClass.ControlCharacters, ValueClass.UnpairedSurrogate, ValueClass.RightToLeft, ValueClass.Script,
        ValueClass.DeepOrUnclosedHtml, ValueClass.Null, ValueClass.WrongType,
    ];

    /// <summary>The calendar's edges a field of the kind must be tried with.</summary>
    public static ValueClass[] Boundaries(FieldKind kind) => kind switch
    {
        FieldKind.Date or FieldKind.DateTime =>
        [
            ValueClass.FirstDay, ValueClass.LastDay, ValueClass.LeapDayInCommonYear, ValueClass.Impossible, ValueClass.TimeZone,
            ValueClass.StockholmDstChange,
        ],
        FieldKind.Time => [ValueClass.FirstDay, ValueClass.LastDay, ValueClass.Impossible, ValueClass.TimeZone],
        _ => [],
    };

    // ---- generators ----

    private static readonly string[] Addresses =
    [
        "anna.berg@example.se", "per.holm@botkyrka.se", "handlaggare@sandbox.botkyrka.se", "bygglov@sandbox.botkyrka.se",
        "kontaktcenter@botkyrka.se", "noreply@example.se", "Anna.Berg@Example.SE",
    ];

    private static readonly string[] Html =
    [
        "<p>Hej!</p>", "<p>Hej Anna,</p><p>Tack för ditt mejl. Vi svarar senast <b>fredag 4 december</b>.</p>",
        "<div dir=\"ltr\"><p>Vänliga hälsningar<br>Per Holm</p></div>", "<html><body><p>Hej</p><img src=\"cid:logo\"></body></html>",
        "<table><tr><td>Ärende</td><td>KS/2026:17</td></tr></table>",
    ];

    private static readonly string[] Texts = ["Hej", "Fråga om bygglov", "Anna Berg", "KS/2026:17", "08-530 610 00", "Skrivelse", "sv", "fi", "en"];

    /// <summary>A value of the kind as a careful client sends it.</summary>
    public static Gen<string> Valid(FieldKind kind) => kind switch
    {
        FieldKind.Html => Gen.OneOf(Html),
        FieldKind.Email => Gen.OneOf(Addresses),
        FieldKind.Date => Gen.Int[-400, 400].Select(d => Today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        FieldKind.DateTime => Gen.Int[-600_000, 600_000].Select(m => TimeZoneInfo.ConvertTime(Now.AddMinutes(m), Stockholm.Zone).ToString("O", CultureInfo.InvariantCulture)),
        FieldKind.Time => Gen.Int[0, 24 * 60 - 1].Select(m => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m)).ToString("HH:mm", CultureInfo.InvariantCulture)),
        _ => Gen.OneOf(Gen.OneOf(Texts), Gen.String[1, 30].Where(s => Classes(FieldKind.Text, s).Contains(ValueClass.Valid))),
    };

    /// <summary>A hostile string (null and wrong JSON types are the body's and the parameters' own: see <see cref="ContractRequests"/>).</summary>
    public static Gen<string> HostileText(int longest) => Gen.OneOf(
        VeryLong(longest),
        Gen.OneOf("\u0000", "a\u0001b", "\t\n", "\r\n", "\u001B[31mröd", "\u007F", "\u0085", "x\u0000y", "\u0007\u0008"),
        Gen.OneOf("\uD800", "a\uDC00b", "\uDBFF", "😀"[..1], "x" + "😀"[1..]),
        Gen.OneOf("\u202Egpj.exe", "مرحبا", "שלום עולם", "\u200FKS/2026:17", "Anna \u202BBerg\u202C"),
        Gen.OneOf("<script>alert(1)</script>", "<SCRIPT src=\"//x\"></SCRIPT>", "<p>Hej</p><script>document.cookie</script>"),
        Gen.OneOf(Gen.Int[50, 3_000].Select(n => Repeat("<div>", n)),
            Gen.OneOf("<p><b>Hej", "<a href=\"", "<!--", "<table><tr><td>", "<p>Hej</div></span>", "<", "<img src=x onerror=alert(1)")));

    /// <summary>Very long: long enough to find what grows with the input, short enough to keep the test quick.</summary>
    public static Gen<string> VeryLong(int longest) =>
        Gen.OneOf("a", "ä", "811218-9876 ", "<div>", "Hej. ", "\n", "😀").SelectMany(part =>
            Gen.Int[(LongFrom + part.Length - 1) / part.Length, longest / part.Length]
                .Select(n => Repeat(part, n)));

    private static string Repeat(string part, int times) => string.Create(part.Length * times, part, (span, p) =>
    {
        for (var i = 0; i < span.Length; i += p.Length) p.AsSpan().CopyTo(span[i..]);
    });

    private const int LongFrom = 5_000;

    /// <summary>The edges of the calendar in the kind's own notation, and what only looks like one: each class as likely as the next.</summary>
    public static Gen<string> Boundary(FieldKind kind) => kind switch
    {
        FieldKind.Date => Gen.OneOf(
            Gen.Const("0001-01-01"),
            Gen.Const("9999-12-31"),
            Gen.OneOf("2026-02-29", "2027-02-29", "2100-02-29"),
            Gen.OneOf("2026-02-30", "2026-13-01", "2026-00-10", "2026-1-5", "28/11/2026", "20261128", "+002026-11-28", "i morgon",
                "0000-12-31", "10000-01-01", "2026-11-31"),
            Gen.OneOf("2026-11-28T10:00:00+01:00", "2026-11-28Z", "2026-11-28+14:00", "2026-11-28T00:00:00-14:00"),
            DstDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        FieldKind.DateTime => Gen.OneOf(
            Gen.OneOf("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00-14:00", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z"),
            Gen.OneOf("9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59.9999999+14:00", "9999-12-31T23:59:59Z"),
            Gen.OneOf("2027-02-29T10:00:00+01:00", "2026-02-29T00:00:00Z"),
            Gen.OneOf("2026-11-28T25:00:00Z", "2026-11-28T10:60:00+01:00", "nu", "1764320400", "2026-11-28T10:00:00+15:00",
                "2026-11-28T10:00:00+01:00[Europe/Stockholm]", "2026-11-31T10:00:00+01:00"),
            Gen.Frequency(
                (3, Gen.Select(Gen.Int[-14 * 4, 14 * 4], Gen.Int[-600_000, 600_000],
                    (quarters, m) => Now.AddMinutes(m).ToOffset(TimeSpan.FromMinutes(15 * quarters)).ToString("O", CultureInfo.InvariantCulture))),
                (1, Gen.OneOf("2026-11-28T10:00:00", "2026-11-28T10:00:00Z", "2026-06-19T12:00:00+01:00"))),
            Gen.Select(DstDays, Gen.Int[-90, 90], Gen.Bool, (day, m, utc) =>
            {
                // Around 02:00–03:00 local: the hour that does not exist in March and the one that comes twice in October.
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero).AddMinutes(m);
                return (utc ? at : TimeZoneInfo.ConvertTime(at, Stockholm.Zone)).ToString("O", CultureInfo.InvariantCulture);
            })),
        FieldKind.Time => Gen.OneOf(Gen.OneOf("00:00", "00:00:00"), Gen.OneOf("23:59", "23:59:59.9999999"), Gen.OneOf("24:00", "25:00", "12:60", "10"),
            Gen.OneOf("10:00+01:00", "10:00Z")),
        _ => Gen.OneOf(Texts),
    };

    /// <summary>The days the clocks change in Stockholm, around the test clock's year.</summary>
    private static readonly Gen<DateOnly> DstDays = Gen.OneOf(Enumerable.Range(Today.Year - 1, 3)
        .SelectMany(year => new[] { LastSunday(year, 3), LastSunday(year, 10) }).ToArray());

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
