using System.Globalization;
using System.Text.RegularExpressions;

namespace Kontaktlofte.AddinApi.Mail;

/// <summary>The header block of a forwarded or quoted message: who wrote it and when it was sent.</summary>
/// <param name="From">The original sender.</param>
/// <param name="SentAt">When it was sent; null when the block gives no date this reader knows.</param>
/// <param name="BodyStart">Where the original message's text starts, after the block.</param>
internal sealed record ForwardedHeader(MailAddress From, DateTimeOffset? SentAt, int BodyStart);

/// <summary>
/// Reads the first header block of a forwarded message as Outlook (Swedish, English, Finnish), Gmail and RFC 5322
/// write it: "Från: Anna Berg &lt;anna@example.se&gt;" then "Skickat: den 27 november 2026 16:05" (or Sent, Date,
/// Datum, Lähetetty). A time without zone is Swedish time.
/// </summary>
internal static partial class ForwardedHeaders
{
    private const int MaxLinesBetween = 4;

    public static ForwardedHeader? Find(string text) => FindAll(text).FirstOrDefault();

    /// <summary>
    /// The header blocks in the order they stand. A "Från:" line without an address ends the search: what follows it
    /// belongs to a message whose sender this reader cannot know, and a later block is an older message.
    /// </summary>
    public static IEnumerable<ForwardedHeader> FindAll(string text)
    {
        foreach (Match from in FromLine().Matches(text))
        {
            var value = from.Groups["value"].Value.TrimStart('*', ' ', '\t');
            if (Address().Match(value) is not { Success: true } address) yield break;
            var name = NameOf(value, address.Index);
            DateTimeOffset? sent = null;
            var end = from.Index + from.Length;
            var lines = 0;
            foreach (Match line in Line().Matches(text[end..Math.Min(text.Length, end + 1000)]))
            {
                if (++lines > MaxLinesBetween + 2) break;
                var header = HeaderLine().Match(line.Value);
                if (!header.Success) { if (line.Value.Trim().Length > 0) break; continue; }
                end = from.Index + from.Length + line.Index + line.Length;
                if (sent is null && DateLabels.Contains(header.Groups["label"].Value.ToLowerInvariant()))
                    sent = ParseDate(header.Groups["value"].Value.TrimStart('*', ' ', '\t'));
            }
            yield return new ForwardedHeader(new MailAddress(name, address.Value.ToLowerInvariant()), sent, Math.Min(text.Length, end));
        }
    }

    private static readonly HashSet<string> DateLabels = ["skickat", "sent", "date", "datum", "lähetetty", "päivämäärä"];

    private static string? NameOf(string value, int addressAt)
    {
        var name = MailtoSuffix().Replace(value[..addressAt], "").Trim().TrimEnd('<', '[', '(').Trim().Trim('"', '\'').Trim();
        return name.Length == 0 || name.Contains('@', StringComparison.Ordinal) ? null : name;
    }

    /// <summary>The sent date in the forms mail programs write it; null when none fits.</summary>
    public static DateTimeOffset? ParseDate(string value)
    {
        var text = value.Trim();
        // RFC 5322 and ISO 8601 carry their own zone (Gmail's "Date:" and some clients); GMT and Z are UTC.
        if (Rfc().Match(text) is { Success: true } rfcDate &&
            DateTimeOffset.TryParse(rfcDate.Value.Replace("GMT", "+0000", StringComparison.Ordinal).Replace(" UTC", " +0000", StringComparison.Ordinal)
                .Replace(" UT", " +0000", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc))
            return rfc;
        if (IsoZoned().Match(text) is { Success: true } iso &&
            DateTimeOffset.TryParse(iso.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var zoned))
            return zoned;
        var slashed = Slashed().Match(text);
        if (slashed.Success)
        {
            // 27/11/2026 and 27.11.2026 are day first (Swedish, Finnish); 11/27/2026 is month first (US), as an AM/PM tells.
            var a = int.Parse(slashed.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(slashed.Groups["b"].Value, CultureInfo.InvariantCulture);
            var usOrder = b > 12 || (a <= 12 && slashed.Groups["sep"].Value == "/" && slashed.Groups["ampm"].Success);
            return Local(int.Parse(slashed.Groups["y"].Value, CultureInfo.InvariantCulture), usOrder ? a : b, usOrder ? b : a,
                slashed.Groups["h"].Value, slashed.Groups["min"].Value, slashed.Groups["ampm"].Value);
        }
        var numeric = Numeric().Match(text);
        if (numeric.Success)
            return Local(int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture),
                int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture), numeric.Groups["h"].Value, numeric.Groups["min"].Value, "");
        var dayFirst = DayMonthYear().Match(text);
        if (dayFirst.Success && Month(dayFirst.Groups["month"].Value) is { } m1)
            return Local(int.Parse(dayFirst.Groups["y"].Value, CultureInfo.InvariantCulture), m1, int.Parse(dayFirst.Groups["d"].Value, CultureInfo.InvariantCulture),
                dayFirst.Groups["h"].Value, dayFirst.Groups["min"].Value, dayFirst.Groups["ampm"].Value);
        var monthFirst = MonthDayYear().Match(text);
        if (monthFirst.Success && Month(monthFirst.Groups["month"].Value) is { } m2)
            return Local(int.Parse(monthFirst.Groups["y"].Value, CultureInfo.InvariantCulture), m2, int.Parse(monthFirst.Groups["d"].Value, CultureInfo.InvariantCulture),
                monthFirst.Groups["h"].Value, monthFirst.Groups["min"].Value, monthFirst.Groups["ampm"].Value);
        return null;
    }

    private static DateTimeOffset? Local(int year, int month, int day, string hour, string minute, string ampm)
    {
        if (month is < 1 or > 12 || day < 1 || year < 1900 || day > DateTime.DaysInMonth(year, month)) return null;
        var h = hour.Length > 0 ? int.Parse(hour, CultureInfo.InvariantCulture) : 0;
        var min = minute.Length > 0 ? int.Parse(minute, CultureInfo.InvariantCulture) : 0;
        if (ampm.Equals("pm", StringComparison.OrdinalIgnoreCase) && h < 12) h += 12;
        if (ampm.Equals("am", StringComparison.OrdinalIgnoreCase) && h == 12) h = 0;
        if (h > 23 || min > 59) return null;
        var local = new DateTime(year, month, day, h, min, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        // Swedish and English, whole and short; Finnish in the partitive Outlook writes ("marraskuuta") and the nominative.
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1, ["tammikuuta"] = 1, ["tammikuu"] = 1,
        ["februari"] = 2, ["february"] = 2, ["feb"] = 2, ["helmikuuta"] = 2, ["helmikuu"] = 2,
        ["mars"] = 3, ["march"] = 3, ["mar"] = 3, ["maaliskuuta"] = 3, ["maaliskuu"] = 3,
        ["april"] = 4, ["apr"] = 4, ["huhtikuuta"] = 4, ["huhtikuu"] = 4,
        ["maj"] = 5, ["may"] = 5, ["toukokuuta"] = 5, ["toukokuu"] = 5,
        ["juni"] = 6, ["june"] = 6, ["jun"] = 6, ["kesäkuuta"] = 6, ["kesäkuu"] = 6,
        ["juli"] = 7, ["july"] = 7, ["jul"] = 7, ["heinäkuuta"] = 7, ["heinäkuu"] = 7,
        ["augusti"] = 8, ["august"] = 8, ["aug"] = 8, ["elokuuta"] = 8, ["elokuu"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["syyskuuta"] = 9, ["syyskuu"] = 9,
        ["oktober"] = 10, ["october"] = 10, ["okt"] = 10, ["oct"] = 10, ["lokakuuta"] = 10, ["lokakuu"] = 10,
        ["november"] = 11, ["nov"] = 11, ["marraskuuta"] = 11, ["marraskuu"] = 11,
        ["december"] = 12, ["dec"] = 12, ["joulukuuta"] = 12, ["joulukuu"] = 12,
    };

    private static int? Month(string word) => Months.TryGetValue(word.TrimEnd('.'), out var month) ? month : null;

    [GeneratedRegex(@"^[ \t>]*(?:\*\*)?(?:Från|From|Lähettäjä)(?:\*\*)?[ \t]*:[ \t]*(?<value>.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"[<\[(]?\s*mailto:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MailtoSuffix();

    [GeneratedRegex(@"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Address();

    [GeneratedRegex(@"[^\n]*\n?")]
    private static partial Regex Line();

    [GeneratedRegex(@"^[ \t>]*(?:\*\*)?(?<label>[\p{L}]+)(?:\*\*)?[ \t]*:[ \t]*(?<value>.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\b\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UTC|UT)\b")]
    private static partial Regex Rfc();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoZoned();

    [GeneratedRegex(@"\b(?<a>\d{1,2})(?<sep>[./])(?<b>\d{1,2})\k<sep>(?<y>\d{4})(?:,?\s+(?:kl\.?\s*|klo\s*)?(?<h>\d{1,2})[:.](?<min>\d{2})(?:\s*(?<ampm>[AaPp][Mm]))?)?")]
    private static partial Regex Slashed();

    [GeneratedRegex(@"(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<h>\d{1,2})[:.](?<min>\d{2}))?")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<d>\d{1,2})\.?\s+(?<month>[\p{L}]+\.?)\s+(?<y>\d{4})(?:,?\s+(?:kl\.?\s*|klo\s*|at\s+)?(?<h>\d{1,2})[:.](?<min>\d{2})(?:\s*(?<ampm>[AaPp][Mm]))?)?")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<month>[A-Za-z]+)\s+(?<d>\d{1,2}),\s+(?<y>\d{4})(?:,?\s+(?:at\s+)?(?<h>\d{1,2}):(?<min>\d{2})(?:\s*(?<ampm>[AaPp][Mm]))?)?")]
    private static partial Regex MonthDayYear();
}
