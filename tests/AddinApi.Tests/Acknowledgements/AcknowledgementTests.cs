using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Tests.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

[TestClass]
public sealed class AcknowledgementTests
{
    private KontaktlofteFactory _api = null!;
    private HttpClient _official = null!;

    [TestInitialize]
    public void Start()
    {
        _api = new KontaktlofteFactory();
        _official = _api.SandboxOfficial();
    }

    [TestCleanup]
    public void Stop() => _api.Dispose();

    private Task<HttpResponseMessage> Acknowledge(string id, object body, string? key = "nyckel-1") =>
        _official.PostOnceAsync($"/api/messages/{id}/acknowledgement", body, key);

    /// <summary>What was sent in reply to the message (the sandbox's seed has sent mail of its own).</summary>
    private Task<List<JsonElement>> Sent(string id) => _official.SentForAsync(id);

    [TestMethod]
    public async Task One_click_sends_one_receipt_and_the_promise_becomes_acknowledged()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");

        var response = await Acknowledge(id, new { promisedDate = "2026-12-08" });

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("sent", result.GetProperty("status").GetString());
        Assert.AreEqual("2026-12-08", result.GetProperty("promisedDate").GetString());
        Assert.AreEqual("Hanna Lindqvist", result.GetProperty("contactPerson").GetProperty("name").GetString(), "me by default");

        var receipt = (await Sent(id)).Single();
        Assert.AreEqual(id, receipt.GetProperty("inReplyTo").GetString());
        Assert.AreEqual("anna.berg@example.se", receipt.GetProperty("to").GetString());
        var html = receipt.GetProperty("bodyHtml").GetString()!;
        StringAssert.Contains(html, "tisdag 8 december 2026");
        StringAssert.Contains(html, "allmän handling");
        StringAssert.Contains(html, "Din kontaktperson är Hanna Lindqvist, handläggare.");
        StringAssert.Contains(html, "08-530 612 34");
        StringAssert.Contains(html, "handlaggare@sandbox.botkyrka.se");
        StringAssert.Contains(html, "Kontaktcenter på 08-530 610 00, måndag–fredag kl. 8.00–16.30");

        var promise = await _official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        Assert.AreEqual("acknowledged", promise.GetProperty("state").GetString());
        Assert.AreEqual("2026-12-08", promise.GetProperty("promisedDate").GetString());
        Assert.AreEqual(7, promise.GetProperty("workingDaysLeft").GetInt32(), "counted to the promised date");
        var message = (await _official.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!.First(m => m.GetProperty("id").GetString() == id);
        CollectionAssert.Contains(message.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList(), "Kontaktlöfte: bekräftat");
    }

    [TestMethod]
    public async Task The_swedish_receipt_passes_the_products_own_review_without_a_warning()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        var preview = await (await _official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview",
            new { promisedDate = "2026-12-08", personalLine = "Jag behöver titta på detaljplanen innan jag kan svara." }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var review = Reviewing.Review(new DraftReviewRequest(preview.GetProperty("subject").GetString(),
            preview.GetProperty("bodyHtml").GetString(), null, [Reviewing.Citizen], null, null, null, true));

        Assert.AreEqual(Verdict.Ok, review.Verdict, string.Join('\n', review.Findings));
        Assert.IsLessThanOrEqualTo(40, review.Metrics.Lix, "a reply to a citizen should be easy to read");
        StringAssert.Contains(preview.GetProperty("bodyHtml").GetString(), "Jag behöver titta på detaljplanen");
    }

    [TestMethod]
    public async Task A_finnish_message_gets_a_finnish_receipt_by_default()
    {
        var id = await _official.MessageIdAsync("Kysymys kotihoidosta");

        var preview = await (await _official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview", new { promisedDate = "2026-12-08" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.AreEqual("fi", preview.GetProperty("language").GetString());
        var html = preview.GetProperty("bodyHtml").GetString()!;
        StringAssert.Contains(html, "Saat vastauksen viimeistään tiistaina 8. joulukuuta 2026.");
        StringAssert.Contains(html, "Yhteyshenkilösi on Hanna Lindqvist");
        StringAssert.Contains(html, "08-530 610 00");
    }

    [TestMethod]
    public async Task The_receipt_exists_in_english_too()
    {
        var id = await _official.MessageIdAsync("Question about recycling");

        var html = (await (await _official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview", new { promisedDate = "2026-12-08" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bodyHtml").GetString()!;

        StringAssert.Contains(html, "You will have an answer by Tuesday 8 December 2026 at the latest.");
        StringAssert.Contains(html, "public record");
    }

    [TestMethod]
    public async Task A_colleague_can_be_the_contact_person()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");

        var response = await Acknowledge(id, new
        {
            contactPerson = new { name = "Per Holm", title = "Bygglovsarkitekt", phone = "08-530 612 77", email = "per.holm@botkyrka.se" },
            promisedDate = "2026-12-10",
        });

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        StringAssert.Contains((await Sent(id)).Single().GetProperty("bodyHtml").GetString(), "Din kontaktperson är Per Holm, bygglovsarkitekt.");
    }

    [TestMethod]
    public async Task The_same_key_twice_gives_the_first_result_and_no_second_mail()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        var first = await (await Acknowledge(id, new { promisedDate = "2026-12-08" })).Content.ReadFromJsonAsync<JsonElement>();

        var again = await Acknowledge(id, new { promisedDate = "2026-12-08" });

        Assert.AreEqual(HttpStatusCode.Created, again.StatusCode);
        Assert.AreEqual(first.GetProperty("acknowledgementId").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgementId").GetString());
        Assert.HasCount(1, await Sent(id));
    }

    [TestMethod]
    public async Task The_same_key_with_another_body_is_a_422()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        await Acknowledge(id, new { promisedDate = "2026-12-08" });

        var other = await Acknowledge(id, new { promisedDate = "2026-12-09" });

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.HasCount(1, await Sent(id));
    }

    [TestMethod]
    public async Task A_second_acknowledgement_of_the_same_message_is_a_409()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        await Acknowledge(id, new { promisedDate = "2026-12-08" });

        var second = await Acknowledge(id, new { promisedDate = "2026-12-08" }, key: "nyckel-2");

        Assert.AreEqual(HttpStatusCode.Conflict, second.StatusCode);
        StringAssert.Contains(await second.Content.ReadAsStringAsync(), "redan bekräftat");
        Assert.HasCount(1, await Sent(id));
    }

    [TestMethod]
    [DataRow("{ \"promisedDate\": \"2026-12-24\" }", "promisedDate", "julafton", DisplayName = "a day off")]
    [DataRow("{ \"promisedDate\": \"2026-11-27\" }", "promisedDate", "före i dag", DisplayName = "before today")]
    [DataRow("{ \"promisedDate\": \"2026-12-08\", \"language\": \"de\" }", "language", "sv, fi eller en", DisplayName = "unknown language")]
    [DataRow("{ \"promisedDate\": \"2026-12-08\", \"personalLine\": \"Gäller 811218-9876.\" }", "personalLine", "personnummer", DisplayName = "a personal identity number")]
    [DataRow("{ \"promisedDate\": \"2026-12-08\", \"contactPerson\": { \"name\": \"Per\" } }", "contactPerson.email", "e-postadress", DisplayName = "contact without e-mail")]
    public async Task Bad_acknowledgements_are_400s_that_say_why(string json, string field, string why)
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{id}/acknowledgement")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await _official.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        StringAssert.Contains(problem.GetProperty("errors").GetProperty(field)[0].GetString(), why);
        Assert.IsEmpty(await Sent(id));
    }

    [TestMethod]
    public async Task An_acknowledgement_without_idempotency_key_is_a_400()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");

        Assert.AreEqual(HttpStatusCode.BadRequest, (await Acknowledge(id, new { promisedDate = "2026-12-08" }, key: null)).StatusCode);
    }

    [TestMethod]
    public async Task Internal_and_automatic_mail_get_no_receipt()
    {
        var id = await _official.MessageIdAsync("Möte om detaljplanen");

        var response = await Acknowledge(id, new { promisedDate = "2026-12-08" });

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [TestMethod]
    public async Task Without_a_date_the_receipt_promises_the_due_date()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");

        var result = await (await Acknowledge(id, new { })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.AreEqual("2026-12-01", result.GetProperty("promisedDate").GetString());
    }

    [TestMethod]
    public async Task Acknowledging_needs_a_signed_in_official()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        var anonymous = new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{id}/acknowledgement") { Content = JsonContent.Create(new { }) };
        anonymous.Headers.Add("Idempotency-Key", "x");

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await _api.CreateClient().SendAsync(anonymous)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await _api.ClientAs("Annan").PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview", new { })).StatusCode);
    }
}
