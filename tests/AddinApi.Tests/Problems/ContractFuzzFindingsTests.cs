using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// The 5xx the contract fuzz (<see cref="ContractFuzzTests"/>, <see cref="OwnReplyFuzzTests"/>) found, each as the test
/// that would have caught it, shrunk by hand to what matters.
/// </summary>
[TestClass]
public sealed class ContractFuzzFindingsTests
{
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory();

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static HttpClient Client() => _api.ClientAs(Roles.Handlaggare, Roles.Registrator, Roles.Enhetschef);

    private static async Task<string> SwedishProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.AreEqual(status, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("Ogiltig begäran", problem.GetProperty("title").GetString());
        return problem.GetProperty("detail").GetString()!;
    }

    [TestMethod]
    [DataRow("""{ "bodyText": "Hej!", "cc": [null] }""", "cc", DisplayName = "a null recipient in cc")]
    [DataRow("""{ "bodyText": "Hej!", "to": [{ "address": "anna.berg@example.se" }, null] }""", "to", DisplayName = "a null recipient after a real one")]
    [DataRow("""{ "bodyText": "Hej!", "attachments": [null] }""", "attachments", DisplayName = "a null attachment")]
    public async Task A_list_with_a_null_element_is_a_400_naming_the_field(string draft, string field)
    {
        var response = await Client().PostAsync("/api/drafts/review", new StringContent(draft, Encoding.UTF8, "application/json"));

        var detail = await SwedishProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.AreEqual($"Fältet {field} får inte innehålla null. Ta bort tomma element ur listan.", detail);
    }

    [TestMethod]
    public async Task A_header_without_a_value_is_a_400_when_classifying()
    {
        var response = await Client().PostAsync("/api/messages/classify",
            new StringContent("""{ "subject": "Fråga", "headers": { "Auto-Submitted": null } }""", Encoding.UTF8, "application/json"));

        StringAssert.Contains(await SwedishProblemAsync(response, HttpStatusCode.BadRequest), "headers");
    }

    [TestMethod]
    public async Task Empty_lists_and_lists_without_nulls_are_still_reviewed()
    {
        var response = await Client().PostAsync("/api/drafts/review", new StringContent(
            """{ "bodyText": "Hej!", "to": [{ "address": "anna.berg@example.se" }], "cc": [], "bcc": null }""", Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow("receivedAt=0001-01-01T00:00:00%2B14:00&category=question", DisplayName = "a moment before year 1 in UTC (FormatException)")]
    [DataRow("receivedAt=9999-12-31T10:00:00%2B01:00&category=question", DisplayName = "due two working days after the last day (overflow)")]
    [DataRow("receivedAt=2026-11-27T10:00:00%2B01:00&category=question&today=9999-12-31", DisplayName = "today on the last day there is")]
    public async Task A_deadline_at_the_ends_of_the_calendar_is_a_400(string query)
    {
        var response = await Client().GetAsync($"/api/deadlines?{query}");

        await SwedishProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task A_calendar_to_the_last_day_there_is_is_a_400()
    {
        var response = await Client().GetAsync("/api/calendar?from=9999-12-01&to=9999-12-31");

        await SwedishProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    [DataRow("<div>", 480, DisplayName = "deep HTML as long as a URL Graph refuses (OwnReplyFuzzTests, seed 23IqAnaChnK2)")]
    [DataRow("a", 321, DisplayName = "longer than an address can be")]
    [DataRow("Per Holm", 1, DisplayName = "a name, not an address")]
    public async Task A_colleague_for_the_own_reply_that_is_no_address_is_a_400_before_graph_is_asked(string part, int times)
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var api = graph.Api(now: FieldValues.Now);
        var coverId = string.Concat(Enumerable.Repeat(part, times));

        var response = await api.Official().PostAsJsonAsync("/api/me/automatic-reply/preview", new { returnDate = "2026-12-07", coverId });

        StringAssert.StartsWith(await SwedishProblemAsync(response, HttpStatusCode.BadRequest), "Ange coverId som kollegans e-postadress");
        Assert.IsEmpty(graph.Where("GET", "/v1.0/users"), "nothing to look up");
    }

    [TestMethod]
    public async Task A_colleague_for_the_own_reply_given_by_address_is_still_looked_up_through_graph()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var api = graph.Api(now: FieldValues.Now);

        var response = await api.Official().PostAsJsonAsync("/api/me/automatic-reply/preview", new { returnDate = "2026-12-07", coverId = " Per.Holm@botkyrka.se " });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.HasCount(1, graph.Where("GET", "/v1.0/users"));
    }

    [TestMethod]
    public void A_list_whose_elements_may_be_null_keeps_them()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        NullElements.Refuse(options);

        var read = JsonSerializer.Deserialize<Lists>("""{ "maybe": [null, "a"], "never": ["a"] }""", options)!;

        Assert.AreEqual(2, read.Maybe!.Count);
        Assert.ThrowsExactly<NullElementException>(() => JsonSerializer.Deserialize<Lists>("""{ "never": [null] }""", options));
    }

    private sealed record Lists(IReadOnlyList<string?>? Maybe, IReadOnlyList<string>? Never);
}
