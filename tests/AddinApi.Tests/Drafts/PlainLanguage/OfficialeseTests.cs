using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Drafts.PlainLanguage;

namespace Kontaktlofte.AddinApi.Tests.Drafts.PlainLanguage;

[TestClass]
public sealed class OfficialeseTests
{
    [TestMethod]
    public void The_list_has_at_least_80_entries() => Assert.IsGreaterThanOrEqualTo(80, new Officialese().Count);

    [TestMethod]
    [DataRow("Vi har erhållit din ansökan.", "erhållit", "få")]
    [DataRow("Du erhåller beslutet i veckan.", "erhåller", "få")]
    [DataRow("Vi erhöll handlingarna i går.", "erhöll", "få")]
    [DataRow("De erhållna uppgifterna stämmer.", "erhållna", "få")]
    [DataRow("Du behöver inkomma med ritningar.", "inkomma med", "skicka in")]
    [DataRow("Din ansökan inkom i går.", "inkom", "skicka in")]
    [DataRow("Det erfordras en ritning.", "erfordras", "behövs")]
    [DataRow("Ett bygglov föreligger redan.", "föreligger", "finnas")]
    [DataRow("Vi kommer att företa en kontroll.", "företa", "göra")]
    [DataRow("Beträffande din fråga om avgiften.", "Beträffande", "om")]
    [DataRow("Vi har tagit ställning till frågan.", "tagit ställning till", "besluta")]
    [DataRow("Vi vidtog åtgärder direkt.", "vidtog åtgärder", "göra något")]
    [DataRow("Nämnden vidtar åtgärder.", "vidtar åtgärder", "göra något")]
    [DataRow("Det är ej möjligt.", "ej", "inte")]
    [DataRow("Avgiften debiteras i enlighet med taxan.", "i enlighet med", "enligt")]
    [DataRow("Med anledning av din fråga har vi sett över taxan.", "Med anledning av", "på grund av")]
    [DataRow("Tillse att staketet är lågt.", "Tillse", "se till")]
    [DataRow("Vederbörande handläggare återkommer.", "Vederbörande", "den det gäller")]
    [DataRow("Avgiften ska erläggas senast i morgon.", "erläggas", "betala")]
    [DataRow("Du äger rätt att överklaga.", "äger rätt", "ha rätt")]
    public void Officialese_is_found_in_any_inflection_with_its_plain_replacement(string text, string found, string plain)
    {
        var finding = Reviewing.ReviewReply(text).Of("plain.officialese").Single();

        Assert.AreEqual(found, text.Substring(finding.Start, finding.Length));
        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.Contains(finding.Suggestion, plain);
    }

    [TestMethod]
    [DataRow("Ditt företag behöver inte bygglov.", DisplayName = "företag is not företa")]
    [DataRow("Din inkomst påverkar inte avgiften.", DisplayName = "inkomst is not inkomma")]
    [DataRow("Avsändaren syns i mejlet.", DisplayName = "avsändare is not avsända")]
    [DataRow("Mottagaren får ett kvitto.", DisplayName = "mottagare is not mottaga")]
    [DataRow("Vi hade ett bra samtal.", DisplayName = "samtal is not samt")]
    [DataRow("Jag har en företeelse att berätta om.", DisplayName = "företeelse is not förete")]
    [DataRow("Du får ett svar från oss i morgon.", DisplayName = "plain text")]
    public void Ordinary_words_that_look_alike_are_not_officialese(string text) =>
        Assert.IsEmpty(Reviewing.ReviewReply(text).Of("plain.officialese"));

    [TestMethod]
    public void Officialese_in_the_quoted_history_is_not_the_officials()
    {
        var review = Reviewing.Review(Reviewing.Reply("Tack för ditt mejl.\n\n> Jag har erhållit ert beslut men ej förstått det."));

        Assert.IsEmpty(review.Of("plain.officialese"));
    }
}
