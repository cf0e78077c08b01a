using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kontaktlofte.AddinApi.Registry;

/// <summary>
/// A case's registration number (diarienummer), <c>{series}/{year}:{sequence}</c>: <c>KS/2026:17</c>. The series is an
/// administration's code from configuration, the sequence runs per series and year. Botkyrka writes the sequence with
/// leading zeros (<c>KS/2021:00012</c>); both spellings name the same case, so the number keeps the parts, not the text.
/// </summary>
public readonly partial record struct CaseNumber
{
    public const int MaxSeriesLength = 10;
    public const int MinYear = 2000;
    public const int MaxYear = 2099;
    /// <summary>Nine digits: every sequence fits an <see cref="int"/>, and no registry reaches a billion cases a year.</summary>
    public const int MaxSequenceDigits = 9;

    public string Series { get; }
    public int Year { get; }
    public int Sequence { get; }

    public CaseNumber(string series, int year, int sequence)
    {
        if (!SeriesShape().IsMatch(series)) throw new ArgumentException(BadSeries, nameof(series));
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999_999);
        (Series, Year, Sequence) = (series, year, sequence);
    }

    /// <summary>Reads a number as a registrar writes it; <paramref name="error"/> says in Swedish what is wrong (a 400's text).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CaseNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        var match = text is null ? Match.Empty : Shape().Match(text);
        if (!match.Success)
        {
            error = $"Diarienumret \"{Shorten(text)}\" ska skrivas serie/år:löpnummer, till exempel KS/2026:17.";
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var sequence = int.Parse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
        {
            error = $"Året i diarienumret {text} ska vara mellan {MinYear} och {MaxYear}.";
            return false;
        }
        if (sequence == 0)
        {
            error = $"Löpnumret i diarienumret {text} ska vara 1 eller större.";
            return false;
        }
        number = new CaseNumber(match.Groups["series"].Value, year, sequence);
        error = null;
        return true;
    }

    /// <summary>As Botkyrka writes it: the sequence padded with zeros to <paramref name="sequenceDigits"/> (0: not padded).</summary>
    public string Format(int sequenceDigits) =>
        $"{Series}/{Year}:{Sequence.ToString(new string('0', Math.Max(1, sequenceDigits)), CultureInfo.InvariantCulture)}";

    public override string ToString() => Format(0);

    /// <summary>A series code: one to ten capital letters, Swedish ones included (SBF, KS, ÄO).</summary>
    public static bool IsSeriesCode(string? code) => code is not null && SeriesShape().IsMatch(code);

    private const string BadSeries = "Serien ska vara 1–10 versaler A–Ö.";

    // Echo at most 40 characters of what was sent: a 400's message is shown, and a pasted mail is not a number.
    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    // Explicit classes, no IgnoreCase: \d would take Arabic-Indic digits, IgnoreCase "ks"; \z, as $ allows a final newline.
    [GeneratedRegex(@"^(?<series>[A-ZÅÄÖ]{1,10})/(?<year>[0-9]{4}):(?<sequence>[0-9]{1,9})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^[A-ZÅÄÖ]{1,10}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesShape();
}
