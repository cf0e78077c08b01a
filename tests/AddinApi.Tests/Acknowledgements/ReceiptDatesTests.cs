using Kontaktlofte.AddinApi.Acknowledgements;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

/// <summary>Dates in a receipt's sentences: "Du får svar senast …", "Saat vastauksen viimeistään …", "… by …".</summary>
[TestClass]
public sealed class ReceiptDatesTests
{
    [TestMethod]
    [DataRow("2026-12-07", "maanantaina 7. joulukuuta 2026")]
    [DataRow("2026-12-08", "tiistaina 8. joulukuuta 2026")]
    [DataRow("2026-12-09", "keskiviikkona 9. joulukuuta 2026")]
    [DataRow("2026-12-10", "torstaina 10. joulukuuta 2026")]
    [DataRow("2026-12-11", "perjantaina 11. joulukuuta 2026")]
    [DataRow("2026-12-12", "lauantaina 12. joulukuuta 2026")]
    [DataRow("2026-12-13", "sunnuntaina 13. joulukuuta 2026")]
    public void A_finnish_date_has_the_weekday_in_the_essive(string day, string written) =>
        Assert.AreEqual(written, ReceiptWords.Date(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), "fi"));

    [TestMethod]
    public void A_finnish_date_has_the_month_in_the_partitive()
    {
        string[] partitive = ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
            "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"];

        for (var month = 1; month <= 12; month++)
            StringAssert.EndsWith(ReceiptWords.Date(new DateOnly(2027, month, 1), "fi"), $" 1. {partitive[month - 1]} 2027");
    }

    [TestMethod]
    [DataRow("sv", "tisdag 8 december 2026")]
    [DataRow("en", "Tuesday 8 December 2026")]
    public void Swedish_and_english_dates_are_written_out(string language, string written) =>
        Assert.AreEqual(written, ReceiptWords.Date(new DateOnly(2026, 12, 8), language));
}
