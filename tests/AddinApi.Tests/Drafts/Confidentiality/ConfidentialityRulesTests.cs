using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Drafts.Confidentiality;

[TestClass]
public sealed class ConfidentialityRulesTests
{
    [TestMethod]
    public void A_personal_identity_number_to_a_citizen_blocks_the_reply()
    {
        var review = Reviewing.ReviewReply("Vi har registrerat ärendet på 811218-9876.");

        var finding = review.Of("confidential.personal-id").Single();
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(DraftPart.Body, finding.Part);
        Assert.AreEqual("811218-****", finding.Excerpt);
        Assert.AreEqual(Verdict.Block, review.Verdict);
    }

    [TestMethod]
    public void A_personal_identity_number_between_colleagues_is_a_warning()
    {
        var review = Reviewing.Review(Reviewing.Reply("Kan du titta på 811218-9876?", to: [Reviewing.Colleague]));

        Assert.AreEqual(Severity.Warning, review.Of("confidential.personal-id").Single().Severity);
        Assert.AreNotEqual(Verdict.Block, review.Verdict);
    }

    [TestMethod]
    public void One_external_recipient_among_colleagues_makes_it_an_error()
    {
        var review = Reviewing.Review(Reviewing.Reply("Gäller 811218-9876.", to: [Reviewing.Colleague], bcc: [Reviewing.Citizen]));

        Assert.AreEqual(Severity.Error, review.Of("confidential.personal-id").Single().Severity);
    }

    [TestMethod]
    public void A_draft_still_without_recipients_is_treated_as_going_outside()
    {
        var review = Reviewing.Review(Reviewing.Reply("Gäller 811218-9876.", to: []));

        Assert.AreEqual(Severity.Error, review.Of("confidential.personal-id").Single().Severity);
    }

    [TestMethod]
    [DataRow("Ang. 811218-9876", DisplayName = "personnummer")]
    [DataRow("Orosanmälan om ert barn", DisplayName = "social services term")]
    [DataRow("Uppgifter om skyddad identitet", DisplayName = "secrecy marker")]
    [DataRow("Sjukskrivning och ekonomiskt bistånd", DisplayName = "health and social services")]
    public void Confidential_content_in_the_subject_is_an_error(string subject)
    {
        var review = Reviewing.ReviewReply("Tack för ditt mejl.", subject);

        var finding = review.Of("confidential.subject").First();
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(DraftPart.Subject, finding.Part);
        Assert.AreEqual(Verdict.Block, review.Verdict);
    }

    [TestMethod]
    [DataRow("Svar på din fråga om bygglov")]
    [DataRow("Beslut om bygglov, dnr SBN 2026-000123")]
    [DataRow("Möte 2026-12-03 kl. 10.00")]
    [DataRow("Ring 08-530 610 00")]
    public void An_ordinary_subject_is_not_confidential(string subject) =>
        Assert.IsEmpty(Reviewing.ReviewReply("Tack för ditt mejl.", subject).Of("confidential.subject"));

    [TestMethod]
    [DataRow("Hon har en diagnos som påverkar boendet.", "hälsa")]
    [DataRow("Familjen har försörjningsstöd sedan i våras.", "socialtjänst")]
    [DataRow("Pojken är placerad enligt LVU.", "socialtjänst")]
    [DataRow("Hans alkoholmissbruk är känt.", "missbruk")]
    [DataRow("Uppgifter om sexuell läggning sparas inte.", "sexualliv")]
    public void Sensitive_personal_data_is_a_warning(string text, string category)
    {
        var finding = Reviewing.ReviewReply(text).Of("confidential.sensitive-data").Single();

        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.Contains(finding.Message, category);
    }

    [TestMethod]
    [DataRow("Vi har lss-handläggare i huset.", DisplayName = "lowercase is not the acronym LSS")]
    [DataRow("Vi hälsar dig välkommen.", DisplayName = "hälsa is a greeting here")]
    [DataRow("Bänken är placerad i parken.", DisplayName = "placerad is not placement")]
    public void Ordinary_words_are_not_sensitive_data(string text) =>
        Assert.IsEmpty(Reviewing.ReviewReply(text).Of("confidential.sensitive-data"));

    [TestMethod]
    [DataRow("Handlingen omfattas inte av sekretess och skickas i dag.", DisplayName = "not secret")]
    [DataRow("Sekretariatet svarar på frågor om nämnden.", DisplayName = "sekretariat is not sekretess")]
    [DataRow("Du får svar inom två arbetsdagar.", DisplayName = "ordinary text")]
    public void Text_that_marks_nothing_secret_has_no_secrecy_marker(string text) =>
        Assert.IsEmpty(Reviewing.ReviewReply(text).Of("confidential.secrecy-marker"));

    [TestMethod]
    public void Disclosing_secret_data_is_a_warning()
    {
        var finding = Reviewing.ReviewReply("Hennes adress är sekretessbelagd men du når henne på Storgatan 4.")
            .Of("confidential.secrecy-marker").Single();

        Assert.AreEqual(Severity.Warning, finding.Severity);
    }

    [TestMethod]
    public void Explaining_that_a_requested_document_is_secret_does_not_block_the_reply()
    {
        var review = Reviewing.ReviewReply(
            "Du har begärt att få ta del av handlingarna i ärendet. Handlingarna omfattas av sekretess enligt " +
            "26 kap. 1 § OSL och kan därför inte lämnas ut. Du kan begära att kommunen prövar frågan och får då " +
            "ett skriftligt beslut som du kan överklaga.");

        var markers = review.Of("confidential.secrecy-marker");
        Assert.IsNotEmpty(markers);
        Assert.IsTrue(markers.All(f => f.Severity == Severity.Info), string.Join('\n', markers));
        Assert.IsFalse(review.Findings.Any(f => f.Severity == Severity.Error));
        Assert.AreNotEqual(Verdict.Block, review.Verdict);
    }

    [TestMethod]
    public void A_personal_identity_number_in_quoted_history_is_a_warning_even_to_a_citizen()
    {
        var review = Reviewing.Review(Reviewing.Reply("Tack, vi tittar på det.\n\n> Mitt personnummer är 811218-9876."));

        var finding = review.Of("confidential.personal-id").Single();
        Assert.AreEqual(DraftPart.Quoted, finding.Part);
        Assert.AreEqual(Severity.Warning, finding.Severity);
    }
}
