using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Drafts.Tone;

[TestClass]
public sealed class ToneTests
{
    [TestMethod]
    [DataRow("Det är VIKTIGT att du svarar.", "VIKTIGT")]
    [DataRow("SNÄLLA SVARA i dag.", "SNÄLLA SVARA")]
    [DataRow("DU MÅSTE ringa oss.", "DU MÅSTE")]
    public void Words_in_capitals_are_shouting(string text, string shouted) =>
        Assert.AreEqual(shouted, Reviewing.ReviewReply(text).Of("tone.shouting").Single().Excerpt);

    [TestMethod]
    [DataRow("Vi följer SKR:s råd och skickar en PDF.")]
    [DataRow("Insatsen ges enligt LSS och beslutas av IVO.")]
    [DataRow("Läs mer om GDPR hos IMY.")]
    [DataRow("Det gäller ärende KS/2016:805.")]
    [DataRow("Ansök via UNICEF eller FN.")]
    public void Acronyms_are_not_shouting(string text) =>
        Assert.IsEmpty(Reviewing.ReviewReply(text).Of("tone.shouting"));

    [TestMethod]
    public void Several_exclamation_marks_are_shouting()
    {
        var finding = Reviewing.ReviewReply("Nu får det vara nog!!!").Of("tone.shouting").Single();

        Assert.AreEqual("!!!", finding.Excerpt);
    }

    [TestMethod]
    public void One_exclamation_mark_is_fine() => Assert.IsEmpty(Reviewing.ReviewReply("Hej Anna! Välkommen!").Of("tone.shouting"));

    [TestMethod]
    public void A_read_receipt_is_a_warning()
    {
        Assert.AreEqual(Severity.Warning,
            Reviewing.Review(Reviewing.Reply("Tack.", readReceipt: true)).Of("request.read-receipt").Single().Severity);
        Assert.IsEmpty(Reviewing.ReviewReply("Tack.").Of("request.read-receipt"));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    public void An_empty_subject_is_a_warning(string subject) =>
        Assert.HasCount(1, Reviewing.ReviewReply("Tack.", subject).Of("subject.missing"));

    [TestMethod]
    public void A_subject_is_not_missing() => Assert.IsEmpty(Reviewing.ReviewReply("Tack.", "SV: Bygglov").Of("subject.missing"));

    [TestMethod]
    [DataRow("Kom in senast 3/12.", "3/12", "2026-12-03")]
    [DataRow("Mötet är 28.11.2026.", "28.11.2026", "2026-11-28")]
    [DataRow("Beslutet kom 2026/11/27.", "2026/11/27", "2026-11-27")]
    [DataRow("Vi ses 2026-1-5.", "2026-1-5", "2026-01-05")]
    [DataRow("Sista dag 15-01-2027.", "15-01-2027", "2027-01-15")]
    [DataRow("Vi ses den 1/2.", "1/2", "2027-02-01")]
    public void Dates_not_written_as_yyyy_mm_dd_are_advice(string text, string date, string iso)
    {
        var finding = Reviewing.ReviewReply(text).Of("dates.format").Single();

        Assert.AreEqual(date, finding.Excerpt);
        Assert.AreEqual(Severity.Info, finding.Severity);
        StringAssert.Contains(finding.Suggestion, iso);
    }

    [TestMethod]
    [DataRow("Kom in senast 2026-12-03.")]
    [DataRow("Vi har öppet 24/7.")]
    [DataRow("Vi ses kl. 10.30 den 3 december.")]
    [DataRow("Ring 08-530 610 00.")]
    [DataRow("Hälften, alltså 1/2, är klart.")]
    [DataRow("Ärendet har nummer 2026/123.")]
    public void Iso_dates_times_and_other_numbers_are_not_date_findings(string text) =>
        Assert.IsEmpty(Reviewing.ReviewReply(text).Of("dates.format"));
}
