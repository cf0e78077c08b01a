using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Kontaktlofte.AddinApi.Promises.Classification;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Promises.Classification;

[TestClass]
public sealed class MessageClassifierTests
{
    private static readonly MessageClassifier Classifier = Classifying.Create();

    private static MessageClassification Classify(string subject, string body, string from = "anna.berg@example.se",
        Dictionary<string, string>? headers = null, string fromName = "Anna Berg") =>
        Classifier.Classify(new IncomingMessage(fromName, from, subject, body, null, headers ?? []));

    [TestMethod]
    [DataRow("Bygglov för uterum", "Hej! Behöver jag bygglov för ett uterum på 12 kvm? Vänliga hälsningar Anna", MessageCategory.Question)]
    [DataRow("Klagomål på bemötande", "Jag är mycket missnöjd med hur jag blev bemött i receptionen.", MessageCategory.Opinion)]
    [DataRow("Synpunkt på nya cykelbanan", "Jag tycker att cykelbanan borde breddas.", MessageCategory.Opinion)]
    [DataRow("Trasig gatlykta", "Gatlyktan utanför Storvretsvägen 12 har varit släckt i en vecka.", MessageCategory.FaultReport)]
    [DataRow("Felanmälan", "Det är ett stort hål i vägen vid busshållplatsen.", MessageCategory.FaultReport)]
    [DataRow("Begäran om allmän handling", "Jag vill ta del av bygglovsbeslutet för Tumba 5:12.", MessageCategory.DocumentRequest)]
    [DataRow("Handlingar", "Kan jag få kopior av protokollen från nämndens möte i oktober? Jag begär ut dem enligt offentlighetsprincipen.", MessageCategory.DocumentRequest)]
    [DataRow("Fråga", "Hur ansöker jag om plats i förskolan?", MessageCategory.Question)]
    [DataRow("Kysymys päiväkodista", "Hei! Miten voin hakea lapselleni päivähoitopaikkaa? Kiitos", MessageCategory.Question)]
    [DataRow("Vikailmoitus", "Katuvalo ei toimi Tumban keskustassa.", MessageCategory.FaultReport)]
    public void Citizen_mail_is_classified_by_what_it_asks(string subject, string body, MessageCategory expected) =>
        Assert.AreEqual(expected, Classify(subject, body).Category);

    [TestMethod]
    [DataRow("Auto-Submitted", "auto-replied")]
    [DataRow("List-Unsubscribe", "<mailto:unsubscribe@news.example.se>")]
    [DataRow("Precedence", "bulk")]
    public void Automatic_mail_is_known_by_its_headers(string header, string value)
    {
        var result = Classify("Veckans nyheter", "Läs om våra erbjudanden.", headers: new() { [header] = value });

        Assert.AreEqual(MessageCategory.Automatic, result.Category);
        StringAssert.Contains(string.Join(' ', result.Reasons), header);
    }

    [TestMethod]
    [DataRow("Automatiskt svar: Fråga om bygglov")]
    [DataRow("Frånvaro: Anna Berg")]
    [DataRow("Automatic reply: Your question")]
    [DataRow("Out of Office")]
    public void Automatic_replies_are_known_by_their_subject(string subject) =>
        Assert.AreEqual(MessageCategory.Automatic, Classify(subject, "Jag är tillbaka måndag.").Category);

    [TestMethod]
    public void Auto_submitted_no_is_a_human_message() =>
        Assert.AreEqual(MessageCategory.Question, Classify("Fråga", "Hur gör jag?", headers: new() { ["Auto-Submitted"] = "no" }).Category);

    [TestMethod]
    public void A_message_from_kontaktcenter_is_a_callback()
    {
        var result = Classify("Ring upp invånare", "Anna Berg vill prata om sitt bygglov, tel 070-123 45 67.", "kontaktcenter@botkyrka.se", fromName: "Kontaktcenter");

        Assert.AreEqual(MessageCategory.Callback, result.Category);
        StringAssert.Contains(result.Reasons[0], "Kontaktcenter");
    }

    [TestMethod]
    public void A_voicemail_is_a_callback() =>
        Assert.AreEqual(MessageCategory.Callback, Classify("Nytt röstmeddelande från 0701234567", "Du har ett nytt röstmeddelande.").Category);

    [TestMethod]
    public void Mail_from_a_colleague_is_internal() =>
        Assert.AreEqual(MessageCategory.Internal, Classify("Fika?", "Ska vi ta en fika?", "per.holm@sbf.botkyrka.se").Category);

    [TestMethod]
    [DataRow("Hej! Jag undrar när ni har öppet i receptionen. Tack för hjälpen.", "sv")]
    [DataRow("Hei! Haluaisin tietää, milloin kunnan vastaanotto on auki. Kiitos!", "fi")]
    [DataRow("Hello, I would like to know when the reception is open. Thanks!", "en")]
    [DataRow("12345", "sv")]
    public void The_language_of_the_message_is_found(string body, string language) =>
        Assert.AreEqual(language, Classify("", body).Language);

    [TestMethod]
    public void A_finnish_message_names_the_right_to_use_finnish()
    {
        var result = Classify("Kysymys", "Hei! Haluaisin tietää, milloin kunnan vastaanotto on auki. Kiitos!");

        StringAssert.Contains(string.Join(' ', result.Reasons), "2009:724");
    }

    [TestMethod]
    public void Secret_or_sensitive_content_says_so_and_how_to_handle_it()
    {
        var result = Classify("Min son", "Min son 121212-1212 har fått en diagnos och jag vill prata om hans LSS-insats.");

        Assert.IsTrue(result.Sensitive);
        var reasons = string.Join(' ', result.Reasons);
        StringAssert.Contains(reasons, "personnummer");
        StringAssert.Contains(reasons, "registreras i Lex och tas bort ur brevlådan");
    }

    [TestMethod]
    public void An_ordinary_question_is_not_sensitive() =>
        Assert.IsFalse(Classify("Fråga", "När töms soporna i Tumba?").Sensitive);

    [TestMethod]
    public async Task The_endpoint_answers_with_the_contracts_names()
    {
        using var api = new KontaktlofteFactory();

        var response = await api.Official().PostAsJsonAsync("/api/messages/classify", new
        {
            from = new { name = "Anna Berg", address = "anna.berg@example.se" },
            subject = "Trasig gatlykta",
            bodyHtml = "<p>Gatlyktan på Storvretsvägen är trasig.</p>",
            headers = new Dictionary<string, string> { ["Auto-Submitted"] = "no" },
        });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("fault-report", json.GetProperty("category").GetString());
        Assert.AreEqual("sv", json.GetProperty("language").GetString());
        Assert.IsFalse(json.GetProperty("sensitive").GetBoolean());
        Assert.IsGreaterThan(0, json.GetProperty("reasons").GetArrayLength());
        Assert.AreEqual(HttpStatusCode.BadRequest, (await api.Official().PostAsJsonAsync("/api/messages/classify", new { })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/messages/classify", new { subject = "x" })).StatusCode);
    }

    [TestMethod]
    public void A_web_forms_own_marks_do_not_make_the_citizens_mail_automatic_but_a_bulk_mailing_stays_one()
    {
        const string body = "Detta är ett automatiskt genererat meddelande. Svara inte på detta mejl.\n\nHej! Gatlyktan på Björkvägen 5 är trasig sedan en vecka.";
        var form = new IncomingMessage("Sara Nilsson", "sara.nilsson@example.se", "Felanmälan", body, null,
            new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" });

        Assert.AreEqual(MessageCategory.Automatic, Classifier.Classify(form).Category, "as any mail, those marks are a machine's");
        Assert.AreEqual(MessageCategory.FaultReport, Classifier.Classify(form, viaWebForm: true).Category, "via the web form: the citizen's fault report");
        var bulk = form with { Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<mailto:ut@botkyrka.se>" } };
        Assert.AreEqual(MessageCategory.Automatic, Classifier.Classify(bulk, viaWebForm: true).Category, "a bulk mailing through the form system");
    }
}
