using System.Globalization;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>
/// The words of a receipt that a culture's formatting does not give as a sentence needs them: dates, job titles
/// inside a sentence, the municipality's name in Finnish.
/// </summary>
internal static class ReceiptWords
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // fi-FI's "dddd" is the nominative ("tiistai"); "on Tuesday", "by Tuesday" take the essive ("tiistaina").
    // Indexed by DayOfWeek, Sunday first.
    private static readonly string[] FinnishEssive =
        ["sunnuntaina", "maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina"];

    /// <summary>
    /// A date as it stands in the receipt's sentences: "tisdag 8 december 2026", "tiistaina 8. joulukuuta 2026",
    /// "Tuesday 8 December 2026".
    /// </summary>
    public static string Date(DateOnly day, string language) => language switch
    {
        // fi-FI's "d. MMMM" gives the month in the partitive ("8. joulukuuta"), as a Finnish date is written.
        "fi" => FinnishEssive[(int)day.DayOfWeek] + " " + day.ToString("d. MMMM yyyy", Finnish),
        "en" => day.ToString("dddd d MMMM yyyy", English),
        _ => day.ToString("dddd d MMMM yyyy", Swedish),
    };

    /// <summary>
    /// A job title in the middle of a sentence: "Bygglovsarkitekt" becomes "bygglovsarkitekt" (a title is not a
    /// name); a title that starts with an acronym ("IT-samordnare", "HR-chef") stays as written.
    /// </summary>
    public static string TitleInSentence(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && char.IsLower(title[1])
            ? char.ToLower(title[0], Swedish) + title[1..]
            : title;

    /// <summary>
    /// "Botkyrkan kunta" into the illative, "Botkyrkan kuntaan" (the message came <em>to</em> the municipality);
    /// null for a name that is not "… kunta", whose illative cannot be made by rule.
    /// </summary>
    public static string? FinnishIllative(string finnishName) =>
        finnishName.EndsWith(" kunta", StringComparison.Ordinal) ? finnishName + "an" : null;
}
