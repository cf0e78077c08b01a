using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;

namespace Kontaktlofte.AddinApi.Tests.Drafts;

[TestClass]
public sealed class DraftReviewEndpointTests
{
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory();

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [TestMethod]
    public async Task A_draft_is_reviewed_with_the_contracts_names_and_values()
    {
        const string draft = """
            { "subject": "Svar ang. 811218-9876",
              "bodyHtml": "<div>Hej Anna!</div><div>Vi har erhållit din ansökan.</div>",
              "to": [{ "name": "Anna Berg", "address": "anna.berg@example.se" }],
              "cc": [], "bcc": [],
              "attachments": [{ "name": "beslut.pdf", "size": 48211, "isInline": false }],
              "isReply": true, "readReceiptRequested": false }
            """;

        var response = await _api.Official().PostAsync("/api/drafts/review", Json(draft));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var review = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("block", review.GetProperty("verdict").GetString());
        var subject = review.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "confidential.subject");
        Assert.AreEqual("error", subject.GetProperty("severity").GetString());
        Assert.AreEqual("subject", subject.GetProperty("part").GetString());
        Assert.AreEqual(10, subject.GetProperty("start").GetInt32());
        Assert.AreEqual(11, subject.GetProperty("length").GetInt32());
        Assert.AreEqual("811218-****", subject.GetProperty("excerpt").GetString());
        var metrics = review.GetProperty("metrics");
        Assert.AreEqual(7, metrics.GetProperty("words").GetInt32());
        Assert.AreEqual(2, metrics.GetProperty("sentences").GetInt32());
        Assert.IsTrue(metrics.TryGetProperty("lix", out _) && metrics.TryGetProperty("longWords", out _));
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Ämnesraden", "Swedish letters are not escaped");
    }

    [TestMethod]
    public async Task A_plain_text_draft_with_only_the_required_fields_is_reviewed()
    {
        var response = await _api.Official().PostAsync("/api/drafts/review", Json("""{ "bodyText": "Hej! Tack för ditt mejl." }"""));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow("{ \"subject\": ", DisplayName = "cut off")]
    [DataRow("inte json", DisplayName = "not JSON")]
    [DataRow("{ \"bodyText\": \"Hej\", \"to\": \"anna@example.se\" }", DisplayName = "wrong type")]
    [DataRow("[]", DisplayName = "an array")]
    public async Task Invalid_json_is_a_400_in_swedish(string body)
    {
        var response = await _api.Official().PostAsync("/api/drafts/review", Json(body));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.AreEqual("Ogiltig begäran", problem.GetProperty("title").GetString());
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "JSON");
    }

    [TestMethod]
    public async Task A_draft_without_body_is_a_400_that_says_so()
    {
        var response = await _api.Official().PostAsync("/api/drafts/review", Json("""{ "subject": "Hej" }"""));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains((await ProblemOf(response)).GetProperty("detail").GetString(), "bodyHtml eller bodyText");
    }

    [TestMethod]
    public async Task An_empty_request_is_a_400()
    {
        var response = await _api.Official().PostAsync("/api/drafts/review", Json(""));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("Ogiltig begäran", (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [TestMethod]
    public async Task A_request_that_is_not_json_is_a_415_in_swedish()
    {
        var response = await _api.Official().PostAsync("/api/drafts/review", new StringContent("Hej", Encoding.UTF8, "text/plain"));

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        StringAssert.Contains((await ProblemOf(response)).GetProperty("detail").GetString(), "JSON");
    }

    [TestMethod]
    public async Task A_body_over_2_MB_is_a_413()
    {
        var huge = JsonSerializer.Serialize(new { bodyHtml = new string('a', 2 * 1024 * 1024 + 1) });

        var response = await _api.Official().PostAsync("/api/drafts/review", Json(huge));

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.AreEqual("Begäran är för stor", (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [TestMethod]
    public async Task A_body_of_almost_2_MB_is_reviewed()
    {
        var html = "<p>" + string.Concat(Enumerable.Repeat("Vi har tagit emot din fråga och svarar snart. ", 40_000)) + "</p>";
        var big = JsonSerializer.Serialize(new { bodyHtml = html });
        Assert.IsLessThan(2 * 1024 * 1024, Encoding.UTF8.GetByteCount(big));

        var response = await _api.Official().PostAsync("/api/drafts/review", Json(big));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Not_signed_in_is_a_401()
    {
        var response = await _api.CreateClient().PostAsync("/api/drafts/review", Json("""{ "bodyText": "Hej" }"""));

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("Du är inte inloggad", (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [TestMethod]
    public async Task Signed_in_without_the_official_role_is_a_403()
    {
        var response = await _api.ClientAs("NagonAnnan").PostAsync("/api/drafts/review", Json("""{ "bodyText": "Hej" }"""));

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.AreEqual("Du saknar behörighet", (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [TestMethod]
    public async Task A_token_without_the_api_scope_is_a_403()
    {
        var client = _api.ClientAs(Roles.Handlaggare);
        client.DefaultRequestHeaders.Add(TestAuthHandler.ScopeHeader, "User.Read");

        var response = await client.PostAsync("/api/drafts/review", Json("""{ "bodyText": "Hej" }"""));

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
