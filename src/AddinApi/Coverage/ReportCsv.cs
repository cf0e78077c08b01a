using System.Globalization;
using System.Text;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// The report as CSV for Swedish Excel: UTF-8 with a byte order mark (else Excel reads å, ä, ö as Windows-1252), ';' between
/// fields and a decimal comma (Excel's list separator and decimal sign in a Swedish locale), CRLF between lines (RFC 4180).
/// Written by hand: a dozen lines of RFC 4180 need no package.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv";

    public static readonly string[] Header =
    [
        "Vecka", "Måndag", "Söndag", "Enhet", "Inkomna", "Frågor", "Synpunkter och klagomål", "Felanmälningar",
        "Begäran om allmän handling", "Återuppringningar", "Inom 1 arbetsdag", "Andel inom 1 arbetsdag", "Inom 2 arbetsdagar",
        "Andel inom 2 arbetsdagar", "Besvarade", "Median arbetsdagar till svar", "Försenade nu",
    ];

    public static byte[] Write(PromiseReport report)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var w in report.Weeks)
            Line(text, [w.Week, Day(w.Monday), Day(w.Sunday), w.Unit, Int(w.Received), Int(w.ByCategory.Question), Int(w.ByCategory.Opinion),
                Int(w.ByCategory.FaultReport), Int(w.ByCategory.DocumentRequest), Int(w.ByCategory.Callback), Int(w.WithinOneWorkingDay),
                Number(w.ShareWithinOneWorkingDay), Int(w.WithinTwoWorkingDays), Number(w.ShareWithinTwoWorkingDays), Int(w.Answered),
                Number(w.MedianWorkingDaysToAnswer), Int(w.OverdueNow)]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The file's name: the unit and the weeks, e.g. <c>kontaktlofte-bygglovsenheten-2026-W52-2027-W01.csv</c>.</summary>
    public static string FileName(PromiseReport report)
    {
        var unit = new string(report.Unit.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : c switch
        {
            'å' or 'ä' => 'a', 'ö' => 'o', 'é' => 'e', 'ü' => 'u', _ => '-',
        }).ToArray()).Trim('-');
        return $"kontaktlofte-{(unit.Length == 0 ? "enhet" : unit)}-{ReportRules.WeekName(report.From)}-{ReportRules.WeekName(report.To)}.csv";
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(';', fields.Select(Field))).Append("\r\n");

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised, so that a unit's name never runs as a formula in Excel.</summary>
    private static string Field(string value)
    {
        if (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')) value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture).Replace('.', ',') ?? "";
}
