using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Drafts.PlainLanguage;

[TestClass]
public sealed class AbbreviationTests
{
    [TestMethod]
    [DataRow("Du kan t.ex. ringa oss.", "t.ex.", "till exempel")]
    [DataRow("Vi behöver bl.a. en ritning.", "bl.a.", "bland annat")]
    [DataRow("Ang. din fråga om taxan.", "Ang.", "angående")]
    [DataRow("Avgiften tas ut enl. taxan.", "enl.", "enligt")]
    [DataRow("Det blev sent p.g.a. snön.", "p.g.a.", "på grund av")]
    [DataRow("Det blev sent pga snön.", "pga", "på grund av")]
    [DataRow("Beslutet gäller fr.o.m. måndag.", "fr.o.m.", "från och med")]
    public void Abbreviations_are_advice_to_write_out(string text, string abbreviation, string writtenOut)
    {
        var finding = Reviewing.ReviewReply(text).Of("plain.abbreviation").Single();

        Assert.AreEqual(Severity.Info, finding.Severity);
        Assert.AreEqual(abbreviation, finding.Excerpt);
        StringAssert.Contains(finding.Suggestion, writtenOut);
    }

    [TestMethod]
    [DataRow("Vi ses i Tumba.")]
    [DataRow("Enligt taxan kostar det 500 kronor.")]
    [DataRow("Det finns en bra plan.")]
    [DataRow("Cancellation is not an abbreviation.")]
    public void Words_that_contain_the_letters_of_an_abbreviation_are_not_abbreviations(string text) =>
        Assert.IsEmpty(Reviewing.ReviewReply(text).Of("plain.abbreviation"));
}
