using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

/// <summary>After the receipt: what was sent stays visible, and a moved promise gets a "nytt besked", once.</summary>
[TestClass]
public sealed class NewAnswerDateTests
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

    private Task<HttpResponseMessage> Post(string path, object body, string key) => _official.PostOnceAsync(path, body, key);

    private async Task<int> SentCount(string id) => (await _official.SentForAsync(id)).Count;

    [TestMethod]
    public async Task What_was_sent_is_listed_with_its_text_read_back_from_the_mailbox()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        Assert.AreEqual(0, (await _official.GetFromJsonAsync<List<JsonElement>>($"/api/messages/{id}/acknowledgements"))!.Count);

        await Post($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-08" }, "k1");
        var sent = (await _official.GetFromJsonAsync<List<JsonElement>>($"/api/messages/{id}/acknowledgements"))!.Single();

        Assert.AreEqual("first", sent.GetProperty("kind").GetString());
        Assert.AreEqual("sent", sent.GetProperty("status").GetString());
        Assert.AreEqual("anna.berg@example.se", sent.GetProperty("to").GetString());
        Assert.AreEqual("2026-12-08", sent.GetProperty("promisedDate").GetString());
        Assert.AreNotEqual(JsonValueKind.Null, sent.GetProperty("sentAt").ValueKind);
        StringAssert.Contains(sent.GetProperty("bodyHtml").GetString(), "8 december 2026");
        Assert.AreEqual(JsonValueKind.Null, sent.GetProperty("error").ValueKind);
    }

    [TestMethod]
    public async Task A_new_answer_date_needs_a_receipt_first()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");

        var response = await Post($"/api/messages/{id}/acknowledgement/update", new { promisedDate = "2026-12-10" }, "u1");

        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
        Assert.AreEqual(0, await SentCount(id));
    }

    [TestMethod]
    public async Task A_new_answer_date_moves_the_promise_and_is_sent_once_per_key()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        await Post($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-08" }, "k1");

        var first = await Post($"/api/messages/{id}/acknowledgement/update", new { promisedDate = "2026-12-15", personalLine = "Jag väntar på ett yttrande." }, "u1");
        var again = await Post($"/api/messages/{id}/acknowledgement/update", new { promisedDate = "2026-12-15", personalLine = "Jag väntar på ett yttrande." }, "u1");

        Assert.AreEqual(HttpStatusCode.Created, first.StatusCode);
        Assert.AreEqual(HttpStatusCode.Created, again.StatusCode);
        Assert.AreEqual((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgementId").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgementId").GetString());
        Assert.AreEqual(2, await SentCount(id), "the receipt and one new answer date");
        var promise = await _official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        Assert.AreEqual("2026-12-15", promise.GetProperty("promisedDate").GetString());
        Assert.AreEqual("acknowledged", promise.GetProperty("state").GetString());
        var list = (await _official.GetFromJsonAsync<List<JsonElement>>($"/api/messages/{id}/acknowledgements"))!;
        CollectionAssert.AreEqual(new[] { "first", "update" }, list.Select(a => a.GetProperty("kind").GetString()).ToArray());
    }

    [TestMethod]
    [DataRow("sv", "Nytt besked om ditt meddelande", "Svaret dröjer", "tisdag 15 december 2026")]
    [DataRow("fi", "Uutta tietoa viestistäsi", "Vastaus viivästyy", "tiistaina 15. joulukuuta 2026")]
    [DataRow("en", "An update on your message", "Your answer is taking longer", "Tuesday 15 December 2026")]
    public async Task A_new_answer_date_says_the_answer_is_delayed_not_that_the_message_arrived(string language, string subject, string delayed, string date)
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        await Post($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-08", language }, "k1");

        var preview = await (await _official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/update/preview", new { promisedDate = "2026-12-15", language }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await Post($"/api/messages/{id}/acknowledgement/update", new { promisedDate = "2026-12-15", language }, "u1");
        var sent = (await _official.SentForAsync(id)).Last();

        Assert.AreEqual(subject, preview.GetProperty("subject").GetString());
        StringAssert.Contains(preview.GetProperty("bodyHtml").GetString(), delayed);
        StringAssert.Contains(preview.GetProperty("bodyHtml").GetString(), date);
        Assert.AreEqual(subject, sent.GetProperty("subject").GetString());
        StringAssert.Contains(sent.GetProperty("bodyHtml").GetString(), delayed);
        Assert.IsFalse(sent.GetProperty("bodyHtml").GetString()!.Contains("Tack för ditt meddelande", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task A_second_first_receipt_is_refused_and_points_to_a_new_answer_date()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");
        await Post($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-08" }, "k1");

        var second = await Post($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-09" }, "k2");

        Assert.AreEqual(HttpStatusCode.Conflict, second.StatusCode);
        StringAssert.Contains(await second.Content.ReadAsStringAsync(), "nytt besked");
    }

    [TestMethod]
    public async Task A_public_records_request_promised_after_its_due_date_is_warned_about()
    {
        var id = await _official.MessageIdAsync("Begäran om allmän handling");
        var promise = await _official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        var due = DateOnly.Parse(promise.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // The factory's clock stands on Saturday 2026-11-28: the first working day it may promise is Monday the 30th.
        var onTime = due < new DateOnly(2026, 11, 30) ? new DateOnly(2026, 11, 30) : due;

        var late = await Preview(id, new { promisedDate = "2026-12-10" });
        var timely = await Preview(id, new { promisedDate = onTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        CollectionAssert.Contains(Codes(late), "document-request.later-than-due");
        StringAssert.Contains(late.GetProperty("warnings")[0].GetProperty("message").GetString(), "skyndsamt");
        if (onTime == due) Assert.AreEqual(0, Codes(timely).Count, "the due date itself is no warning");
    }

    [TestMethod]
    public async Task An_own_line_in_another_language_than_the_receipt_is_warned_about()
    {
        var id = await _official.MessageIdAsync("Bygglov för uterum");

        var english = await Preview(id, new { promisedDate = "2026-12-08", personalLine = "I need to check the local plan before I can answer you." });
        var swedish = await Preview(id, new { promisedDate = "2026-12-08", personalLine = "Jag behöver titta på detaljplanen innan jag kan svara dig." });

        CollectionAssert.Contains(Codes(english), "personal-line.language");
        Assert.AreEqual(0, Codes(swedish).Count);
    }

    private async Task<JsonElement> Preview(string id, object body) =>
        await (await _official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview", body)).Content.ReadFromJsonAsync<JsonElement>();

    private static List<string?> Codes(JsonElement preview) =>
        preview.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
}
