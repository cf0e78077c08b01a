using System.Globalization;
using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Confidentiality;

/// <summary>
/// Personnummer (Folkbokföringslagen 18 §) and samordningsnummer (18 a §: day + 60) in the forms
/// ÅÅMMDD-NNNK, ÅÅMMDD+NNNK (100 years or older), ÅÅÅÅMMDD-NNNK, with a space for the hyphen
/// (ÅÅMMDD NNNK, as people type it) and without separator — only with a real date and a valid check digit
/// (Luhn over ÅÅMMDDNNN). Organisation numbers (month ≥ 20), phone numbers, dates, postal codes and
/// bankgiro numbers fail those tests or the shape.
/// </summary>
internal static partial class PersonalIdentityNumber
{
    /// <summary>A 10-digit number starting with 0 and no separator is a phone number unless a word says otherwise.</summary>
    private const int KeywordWindow = 60;

    public static IEnumerable<TextSpan> Find(string text, DateOnly today)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            var century = match.Groups["century"].Value;
            var separator = match.Groups["separator"].Value;
            var digits = match.Groups["yy"].Value + match.Groups["mm"].Value + match.Groups["dd"].Value + match.Groups["serial"].Value;
            if (!HasValidCheckDigit(digits)) continue;
            if (!HasRealDate(century, separator, digits, today)) continue;
            var spaced = separator is " " or "\u00A0";
            if (century.Length == 0 && (separator.Length == 0 || spaced) && digits[0] == '0' && !HasKeywordNear(text, match.Index))
                continue; // 0701234567, 070123 4567: the shape of a mobile number
            if (spaced && IsPartOfSpacedNumber(text, match.Index, match.Index + match.Length))
                continue; // 12 811218 9876 34: groups of a longer number (an account, an invoice), not one id
            yield return new TextSpan(match.Index, match.Length);
        }
    }

    /// <summary>The number with its last four digits hidden, for excerpts and logs.</summary>
    public static string Mask(string number) =>
        string.Concat(number.AsSpan(0, Math.Max(0, number.Length - 4)), "****");

    /// <summary>Luhn over the nine digits ÅÅMMDDNNN: weights 2,1,2,…, digit sums, check = (10 − sum mod 10) mod 10.</summary>
    public static bool HasValidCheckDigit(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10 == tenDigits[9] - '0';
    }

    private static bool HasRealDate(string century, string separator, string digits, DateOnly today)
    {
        var yy = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        day %= 60; // samordningsnummer: day + 60 (61–91); 60 and 92–99 become no day at all
        if (month is < 1 or > 12 || day < 1) return false;

        IEnumerable<int> years = century.Length > 0
            ? [int.Parse(century, CultureInfo.InvariantCulture) * 100 + yy]
            : separator == "+"
                ? [CenturyOf(today.Year - 100, yy)]
                : [CenturyOf(today.Year, yy), CenturyOf(today.Year, yy) - 100];
        return years.Any(year => year >= 1850 && day <= DateTime.DaysInMonth(year, month) &&
                                 new DateOnly(year, month, day) <= today);
    }

    /// <summary>The latest year ending in <paramref name="yy"/> that is not after <paramref name="notAfter"/>.</summary>
    private static int CenturyOf(int notAfter, int yy)
    {
        var year = notAfter - notAfter % 100 + yy;
        return year > notAfter ? year - 100 : year;
    }

    /// <summary>True when another group of digits stands one space before or after the candidate.</summary>
    private static bool IsPartOfSpacedNumber(string text, int start, int end) =>
        (start >= 2 && IsSpace(text[start - 1]) && char.IsDigit(text[start - 2])) ||
        (end + 1 < text.Length && IsSpace(text[end]) && char.IsDigit(text[end + 1]));

    private static bool IsSpace(char c) => c is ' ' or '\u00A0';

    private static bool HasKeywordNear(string text, int index)
    {
        var from = Math.Max(0, index - KeywordWindow);
        return Keyword().IsMatch(text.AsSpan(from, index - from));
    }

    [GeneratedRegex(@"(?<![\p{N}\p{L}])(?<century>18|19|20)?(?<yy>\d{2})(?<mm>\d{2})(?<dd>\d{2})(?<separator>[-+‐– \u00A0]?)(?<serial>\d{4})(?![\p{N}])")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"person\s?n(umme)?r|p-?nr|samordningsnummer|födelsenummer|id-?nummer|identitetsnummer|henkilötunnus|född", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();
}
