using System.Globalization;
using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.Tone;

/// <summary>
/// The e-mail guideline: "Skriv vilket datum … med åååå-mm-dd" (also Myndigheternas skrivregler and ISO 8601).
/// Numeric dates in other orders (28/11, 28.11.2026, 2026/11/28, 2026-1-5) are pointed out; dates in words
/// ("28 november") are fine.
/// </summary>
internal sealed partial class DateFormat : IDraftRule
{
    public IEnumerable<Finding> Check(DraftContext draft)
    {
        foreach (Match match in OtherDate().Matches(draft.Text.Own))
        {
            if (!TryRead(match, draft.Today, out var date) || IsFraction(draft.Text.Own, match)) continue;
            yield return draft.Found("dates.format", Severity.Info, DraftPart.Body, new TextSpan(match.Index, match.Length),
                $"Datumet \"{match.Value}\" kan läsas på flera sätt.",
                $"Skriv datum som åååå-mm-dd: {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>1/2, 2/3, 3/4 … without a year are fractions unless written "den 1/2".</summary>
    private static bool IsFraction(string text, Match match)
    {
        if (match.Groups["y"].Success || !match.Value.Contains('/', StringComparison.Ordinal)) return false;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var properFraction = day < month && month <= 4;
        return properFraction && !text.AsSpan(0, match.Index).TrimEnd().EndsWith("den", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryRead(Match match, DateOnly today, out DateOnly date)
    {
        date = default;
        if (match.Value == "24/7") return false; // "öppet dygnet runt"
        var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (year < 100) year += 2000;
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        // Without a year, "1/2" written in November means the coming February, not the one that has passed.
        if (!match.Groups["y"].Success && date < today.AddMonths(-2) && (month != 2 || day != 29)) date = date.AddYears(1);
        return true;
    }

    // d/m, d/m-yy, d/m/yyyy; dd.mm.yyyy (a year is required: 10.30 is a time); dd-mm-yyyy;
    // yyyy/mm/dd and yyyy.mm.dd; yyyy-m-d without leading zeros.
    [GeneratedRegex(@"(?<![\d/.-])(?:(?<d>\d{1,2})/(?<m>\d{1,2})(?:[-/](?<y>\d{4}|\d{2}))?|(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4}|\d{2})|(?<d>\d{1,2})-(?<m>\d{1,2})-(?<y>\d{4})|(?<y>\d{4})[/.](?<m>\d{1,2})[/.](?<d>\d{1,2})|(?<y>\d{4})-(?:(?<m>\d)-(?<d>\d{1,2})|(?<m>\d{2})-(?<d>\d)))(?![\d/]|[.-]\d)")]
    private static partial Regex OtherDate();
}
