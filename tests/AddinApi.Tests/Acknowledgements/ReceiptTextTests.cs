using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

/// <summary>The receipt in the words the citizen reads: Swedish, Finnish and English, with and without the optional parts.</summary>
[TestClass]
public sealed class ReceiptTextTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    /// <summary>The organisation as appsettings.json describes it.</summary>
    private static OrganisationOptions Botkyrka() => new()
    {
        InternalDomains = ["botkyrka.se"],
        PhoneHours = "måndag–fredag kl. 8.00–16.30",
        PhoneHoursFinnish = "maanantaista perjantaihin klo 8.00–16.30",
        PhoneHoursEnglish = "Monday to Friday 8.00–16.30",
    };

    private static readonly ContactPerson PerHolm = new("Per Holm", "Bygglovsarkitekt", "08-530 612 77", "per.holm@botkyrka.se");
    private static readonly ContactPerson Hanna = new("Hanna Lindqvist", "Handläggare", "08-530 612 34", "hanna.lindqvist@botkyrka.se");

    private static string Receipt(string language, ContactPerson? contact = null, ContactPerson? sender = null, bool sensitive = false,
        OrganisationOptions? organisation = null) =>
        new ReceiptText(Options.Create(organisation ?? Botkyrka()))
            .Html(new ReceiptFacts(Monday, Tuesday, contact ?? PerHolm, sender ?? Hanna, language, null, sensitive));

    private static string Body(string html) => html[..html.IndexOf("<div id=\"Signature\">", StringComparison.Ordinal)];

    [TestMethod]
    public void The_finnish_receipt_reads_as_a_finnish_speaker_writes_it()
    {
        var html = Receipt("fi");

        StringAssert.Contains(html, "<p>Hei!</p>");
        StringAssert.Contains(html, "Kiitos viestistäsi. Viestisi saapui Botkyrkan kuntaan maanantaina 7. joulukuuta 2026. " +
                                    "Se on yleinen asiakirja, joten kuka tahansa voi pyytää saada lukea sen.</p>");
        StringAssert.Contains(html, "<p>Saat vastauksen viimeistään tiistaina 8. joulukuuta 2026.</p>");
        StringAssert.Contains(html, "<p>Yhteyshenkilösi on Per Holm (bygglovsarkitekt). Puhelin: 08-530 612 77. Sähköposti: per.holm@botkyrka.se.</p>");
        StringAssert.Contains(html, "<p>Voit myös soittaa asiakaspalveluumme (Kontaktcenter) numeroon 08-530 610 00 maanantaista perjantaihin klo 8.00–16.30.</p>");
        StringAssert.Contains(html, "Ystävällisin terveisin<br>Hanna Lindqvist<br>Handläggare<br>Botkyrka kommun");
        Assert.DoesNotContain("tiistai 8.", html, "the weekday is in the essive, not the nominative .NET gives");
        Assert.DoesNotContain("kuntaan (", html);
    }

    [TestMethod]
    public void The_english_receipt_reads_as_natural_british_english()
    {
        var html = Receipt("en");

        StringAssert.Contains(html, "<p>Hello,</p>");
        StringAssert.Contains(html, "Thank you for your message. It reached Botkyrka Municipality on Monday 7 December 2026. " +
                                    "Your message is a public record, which means that anyone can ask to read it.</p>");
        StringAssert.Contains(html, "<p>You will have an answer by Tuesday 8 December 2026 at the latest.</p>");
        StringAssert.Contains(html, "<p>Your contact person is Per Holm (bygglovsarkitekt). Phone: 08-530 612 77. Email: per.holm@botkyrka.se.</p>");
        StringAssert.Contains(html, "<p>You can also call our contact centre (Kontaktcenter) on 08-530 610 00, Monday to Friday 8.00–16.30.</p>");
        StringAssert.Contains(html, "Kind regards<br>Hanna Lindqvist<br>Handläggare<br>Botkyrka kommun");
    }

    [TestMethod]
    public void The_swedish_receipt_names_the_contact_person_with_the_title_in_lower_case()
    {
        var html = Receipt("sv");

        StringAssert.Contains(html, "Tack för ditt meddelande. Det kom in till Botkyrka kommun måndag 7 december 2026. " +
                                    "Ditt meddelande är en allmän handling. Det betyder att vem som helst kan be att få läsa det.</p>");
        StringAssert.Contains(html, "<p>Du får svar senast tisdag 8 december 2026.</p>");
        StringAssert.Contains(html, "<p>Din kontaktperson är Per Holm, bygglovsarkitekt. Telefon: 08-530 612 77. E-post: per.holm@botkyrka.se.</p>");
        StringAssert.Contains(html, "<p>Du kan också ringa Kontaktcenter på 08-530 610 00, måndag–fredag kl. 8.00–16.30.</p>");
    }

    [TestMethod]
    public void The_signature_keeps_the_title_as_written()
    {
        var html = Receipt("sv", sender: PerHolm);

        StringAssert.Contains(html, "Med vänlig hälsning<br>Per Holm<br>Bygglovsarkitekt<br>Botkyrka kommun");
    }

    [TestMethod]
    [DataRow("Bygglovsarkitekt", "bygglovsarkitekt")]
    [DataRow("Handläggare, Bygglovsenheten", "handläggare, Bygglovsenheten")]
    [DataRow("IT-samordnare", "IT-samordnare", DisplayName = "an acronym stays")]
    [DataRow("HR-chef", "HR-chef")]
    [DataRow("SFI-lärare", "SFI-lärare")]
    [DataRow("Ärendehandläggare", "ärendehandläggare")]
    [DataRow("socialsekreterare", "socialsekreterare")]
    public void A_title_inside_a_sentence_is_not_capitalised_unless_it_starts_with_an_acronym(string title, string inSentence) =>
        Assert.AreEqual(inSentence, ReceiptWords.TitleInSentence(title));

    [TestMethod]
    [DataRow("sv", "<p>Din kontaktperson är Per Holm, bygglovsarkitekt. E-post: per.holm@botkyrka.se.</p>")]
    [DataRow("fi", "<p>Yhteyshenkilösi on Per Holm (bygglovsarkitekt). Sähköposti: per.holm@botkyrka.se.</p>")]
    [DataRow("en", "<p>Your contact person is Per Holm (bygglovsarkitekt). Email: per.holm@botkyrka.se.</p>")]
    public void A_contact_person_without_a_phone_number_gets_no_phone_line(string language, string contactLine)
    {
        foreach (var phone in new[] { null, "", "  " })
        {
            var body = Body(Receipt(language, PerHolm with { Phone = phone }));

            StringAssert.Contains(body, contactLine);
            Assert.DoesNotContain(": .", body);
        }
    }

    [TestMethod]
    [DataRow("sv", "<p>Din kontaktperson är Per Holm. E-post: per.holm@botkyrka.se.</p>")]
    [DataRow("fi", "<p>Yhteyshenkilösi on Per Holm. Sähköposti: per.holm@botkyrka.se.</p>")]
    [DataRow("en", "<p>Your contact person is Per Holm. Email: per.holm@botkyrka.se.</p>")]
    public void A_contact_person_without_title_or_phone_is_named_alone(string language, string contactLine) =>
        StringAssert.Contains(Receipt(language, PerHolm with { Title = null, Phone = null }), contactLine);

    [TestMethod]
    [DataRow("sv", "Telefon: 08-530 610 00 (växel)")]
    [DataRow("fi", "Puhelin: 08-530 610 00 (vaihde)")]
    [DataRow("en", "Phone: 08-530 610 00 (switchboard)")]
    public void A_sender_without_a_phone_number_signs_with_the_switchboard(string language, string phoneLine) =>
        StringAssert.Contains(Receipt(language, sender: Hanna with { Phone = null }), phoneLine);

    [TestMethod]
    [DataRow("sv", "Det betyder att vem som helst kan be att få läsa det. Uppgifter som omfattas av sekretess lämnas inte ut.</p>")]
    [DataRow("fi", "joten kuka tahansa voi pyytää saada lukea sen. Salassa pidettäviä tietoja ei kuitenkaan luovuteta.</p>")]
    [DataRow("en", "anyone can ask to read it. However, any information in it that is confidential by law will not be released.</p>")]
    public void A_sensitive_message_is_told_that_secret_information_is_not_released(string language, string sentence)
    {
        StringAssert.Contains(Receipt(language, sensitive: true), sentence);

        var ordinary = Receipt(language, sensitive: false);
        Assert.DoesNotContain("sekretess", ordinary);
        Assert.DoesNotContain("Salassa", ordinary);
        Assert.DoesNotContain("confidential", ordinary);
    }

    [TestMethod]
    [DataRow("sv", "Vi har tagit emot ditt meddelande")]
    [DataRow("fi", "Olemme saaneet viestisi")]
    [DataRow("en", "We have received your message")]
    public void The_subject_is_neutral_in_the_citizens_language(string language, string subject) =>
        Assert.AreEqual(subject, ReceiptText.Subject(language));

    [TestMethod]
    [DataRow("sv", "<p>Du kan också ringa Kontaktcenter på 08-530 610 00.</p>")]
    [DataRow("fi", "<p>Voit myös soittaa asiakaspalveluumme (Kontaktcenter) numeroon 08-530 610 00.</p>")]
    [DataRow("en", "<p>You can also call our contact centre (Kontaktcenter) on 08-530 610 00.</p>")]
    public void Without_configured_phone_hours_the_number_stands_alone(string language, string line)
    {
        var organisation = Botkyrka();
        organisation.PhoneHours = organisation.PhoneHoursFinnish = organisation.PhoneHoursEnglish = "";

        StringAssert.Contains(Receipt(language, organisation: organisation), line);
    }

    [TestMethod]
    public void A_finnish_name_that_is_not_a_kunta_is_not_inflected_by_guesswork()
    {
        var organisation = Botkyrka();
        organisation.NameFinnish = "Tukholman kaupunki";

        StringAssert.Contains(Receipt("fi", organisation: organisation), "Viestisi saapui meille (Tukholman kaupunki) maanantaina 7. joulukuuta 2026.");
    }

    [TestMethod]
    public void The_official_and_the_citizen_never_write_markup_into_the_receipt()
    {
        var html = new ReceiptText(Options.Create(Botkyrka())).Html(new ReceiptFacts(Monday, Tuesday,
            PerHolm with { Name = "Per <b>Holm</b>" }, Hanna, "sv", "Jag återkommer <script>x</script>."));

        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<script>", html);
        StringAssert.Contains(html, "&lt;script&gt;");
    }
}
