using Kontaktlofte.AddinApi.Registry;

namespace Kontaktlofte.AddinApi.Tests.Registry;

[TestClass]
public sealed class CaseNumberTests
{
    [TestMethod]
    [DataRow("KS/2026:17", "KS", 2026, 17)]
    [DataRow("KS/2021:00012", "KS", 2021, 12, DisplayName = "Botkyrka's padded number is the unpadded one")]
    [DataRow("A/2026:1", "A", 2026, 1, DisplayName = "one letter, sequence 1")]
    [DataRow("ABCDEFGHIJ/2026:1", "ABCDEFGHIJ", 2026, 1, DisplayName = "ten letters")]
    [DataRow("ÅÄÖ/2026:3", "ÅÄÖ", 2026, 3, DisplayName = "Swedish capitals")]
    [DataRow("KS/2000:1", "KS", 2000, 1, DisplayName = "the first year")]
    [DataRow("KS/2099:1", "KS", 2099, 1, DisplayName = "the last year")]
    [DataRow("KS/2026:999999999", "KS", 2026, 999_999_999, DisplayName = "nine digits")]
    [DataRow("KS/2026:000000001", "KS", 2026, 1, DisplayName = "nine digits, zeros in front")]
    public void A_well_written_number_is_read_into_its_parts(string text, string series, int year, int sequence)
    {
        Assert.IsTrue(CaseNumber.TryParse(text, out var number, out var error), error);

        Assert.AreEqual(new CaseNumber(series, year, sequence), number);
    }

    [TestMethod]
    [DataRow(null, "serie/år:löpnummer", DisplayName = "nothing")]
    [DataRow("", "serie/år:löpnummer", DisplayName = "empty")]
    [DataRow("/2026:1", "serie/år:löpnummer", DisplayName = "no series")]
    [DataRow("ABCDEFGHIJK/2026:1", "serie/år:löpnummer", DisplayName = "eleven letters")]
    [DataRow("ks/2026:1", "serie/år:löpnummer", DisplayName = "lower case")]
    [DataRow("K1/2026:1", "serie/år:löpnummer", DisplayName = "a digit in the series")]
    [DataRow("KS/1999:1", "mellan 2000 och 2099", DisplayName = "the year before the first")]
    [DataRow("KS/2100:1", "mellan 2000 och 2099", DisplayName = "the year after the last")]
    [DataRow("KS/26:1", "serie/år:löpnummer", DisplayName = "a two-digit year")]
    [DataRow("KS/2026:0", "1 eller större", DisplayName = "sequence zero")]
    [DataRow("KS/2026:000000000", "1 eller större", DisplayName = "nine zeros")]
    [DataRow("KS/2026:1000000000", "serie/år:löpnummer", DisplayName = "ten digits")]
    [DataRow("KS/2026:0000000001", "serie/år:löpnummer", DisplayName = "ten digits, zeros in front")]
    [DataRow("KS/2026:", "serie/år:löpnummer", DisplayName = "no sequence")]
    [DataRow("KS/2026:-1", "serie/år:löpnummer", DisplayName = "a negative sequence")]
    [DataRow("KS 2026:1", "serie/år:löpnummer", DisplayName = "a space for the slash")]
    [DataRow(" KS/2026:1", "serie/år:löpnummer", DisplayName = "a space in front")]
    [DataRow("KS/2026:1\n", "serie/år:löpnummer", DisplayName = "a newline after")]
    [DataRow("KS/2026:١٧", "serie/år:löpnummer", DisplayName = "Arabic-Indic digits")]
    public void A_badly_written_number_is_refused_in_Swedish(string? text, string says)
    {
        Assert.IsFalse(CaseNumber.TryParse(text, out var number, out var error));

        Assert.IsNull(number);
        StringAssert.Contains(error, says);
    }

    [TestMethod]
    public void A_long_paste_is_not_echoed_whole()
    {
        Assert.IsFalse(CaseNumber.TryParse(new string('x', 5000), out _, out var error));

        Assert.IsLessThan(200, error!.Length);
    }

    [TestMethod]
    [DataRow(0, "KS/2021:12")]
    [DataRow(1, "KS/2021:12")]
    [DataRow(2, "KS/2021:12")]
    [DataRow(3, "KS/2021:012")]
    [DataRow(5, "KS/2021:00012", DisplayName = "as Botkyrka writes it")]
    [DataRow(9, "KS/2021:000000012")]
    public void The_sequence_is_padded_to_the_configured_digits_and_never_cut(int digits, string written)
    {
        Assert.AreEqual(written, new CaseNumber("KS", 2021, 12).Format(digits));
    }

    [TestMethod]
    public void A_number_written_and_read_again_is_the_same_number()
    {
        var number = new CaseNumber("SBF", 2026, 123_456);

        foreach (var digits in new[] { 0, 5, 9 })
        {
            Assert.IsTrue(CaseNumber.TryParse(number.Format(digits), out var again, out _));
            Assert.AreEqual(number, again);
        }
        Assert.AreEqual("SBF/2026:123456", number.ToString());
    }

    [TestMethod]
    [DataRow("ks", 2026, 1)]
    [DataRow("KS", 1999, 1)]
    [DataRow("KS", 2100, 1)]
    [DataRow("KS", 2026, 0)]
    [DataRow("KS", 2026, 1_000_000_000)]
    public void A_number_cannot_be_made_from_wrong_parts(string series, int year, int sequence)
    {
        Assert.Throws<ArgumentException>(() => new CaseNumber(series, year, sequence));
    }
}
