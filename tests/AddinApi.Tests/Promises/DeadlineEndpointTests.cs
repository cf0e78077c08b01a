using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Promises;

[TestClass]
public sealed class DeadlineEndpointTests
{
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory(settings: new()
    {
        ["WorkingDays:ExtraDaysOff:0:Date"] = "2026-05-15",
        ["WorkingDays:ExtraDaysOff:0:Name"] = "klämdag efter Kristi himmelsfärdsdag",
    });

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    [TestMethod]
    public async Task The_deadline_is_answered_as_the_contract_says()
    {
        var json = await _api.Official().GetFromJsonAsync<JsonElement>(
            "/api/deadlines?receivedAt=2026-11-27T16:05:00%2B01:00&category=question&today=2026-11-30");

        Assert.AreEqual("2026-11-27", json.GetProperty("receivedDate").GetString());
        Assert.AreEqual("2026-12-01", json.GetProperty("dueDate").GetString());
        Assert.AreEqual(1, json.GetProperty("workingDaysLeft").GetInt32());
        Assert.IsFalse(json.GetProperty("overdue").GetBoolean());
    }

    [TestMethod]
    public async Task Today_defaults_to_the_servers_day_in_Stockholm()
    {
        // The factory's clock stands on Saturday 2026-11-28.
        var json = await _api.Official().GetFromJsonAsync<JsonElement>(
            "/api/deadlines?receivedAt=2026-11-27T16:05:00%2B01:00&category=question");

        Assert.AreEqual(2, json.GetProperty("workingDaysLeft").GetInt32());
    }

    [TestMethod]
    public async Task A_plus_sign_that_the_url_turned_into_a_space_is_understood()
    {
        var json = await _api.Official().GetFromJsonAsync<JsonElement>(
            "/api/deadlines?receivedAt=2026-11-27T16:05:00+01:00&category=document-request&today=2026-11-27");

        Assert.AreEqual("2026-11-27", json.GetProperty("dueDate").GetString());
    }

    [TestMethod]
    public async Task A_configured_municipal_day_off_moves_the_due_date()
    {
        var json = await _api.Official().GetFromJsonAsync<JsonElement>(
            "/api/deadlines?receivedAt=2026-05-13T10:00:00%2B02:00&category=question&today=2026-05-13");

        Assert.AreEqual("2026-05-19", json.GetProperty("dueDate").GetString());
    }

    [TestMethod]
    [DataRow("category=question", "receivedAt", DisplayName = "no receivedAt")]
    [DataRow("receivedAt=igår&category=question", "receivedAt", DisplayName = "not a time")]
    [DataRow("receivedAt=2026-11-27T16:05:00Z&category=fråga", "category", DisplayName = "unknown category")]
    [DataRow("receivedAt=2026-11-27T16:05:00Z&category=automatic", "category", DisplayName = "no promise for automatic mail")]
    [DataRow("receivedAt=2026-11-27T16:05:00Z&category=question&today=30/11", "today", DisplayName = "today not yyyy-MM-dd")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string query, string field)
    {
        var response = await _api.Official().GetAsync("/api/deadlines?" + query);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("Ogiltig begäran", problem.GetProperty("title").GetString());
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [TestMethod]
    public async Task The_calendar_lists_days_off_with_swedish_names()
    {
        var days = await _api.Official().GetFromJsonAsync<JsonElement[]>("/api/calendar?from=2026-12-21&to=2027-01-06");

        var names = days!.ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("name").GetString());
        Assert.AreEqual("julafton", names["2026-12-24"]);
        Assert.AreEqual("annandag jul", names["2026-12-26"]);
        Assert.AreEqual("söndag", names["2026-12-27"]);
        Assert.AreEqual("nyårsafton", names["2026-12-31"]);
        Assert.AreEqual("trettondedag jul", names["2027-01-06"]);
        Assert.IsFalse(names.ContainsKey("2026-12-28"), "an ordinary Monday is a working day");
    }

    [TestMethod]
    [DataRow("from=2026-12-01&to=2026-11-01")]
    [DataRow("from=2026-01-01&to=2030-01-01")]
    [DataRow("from=2026-01-01")]
    public async Task A_bad_calendar_range_is_a_400(string query) =>
        Assert.AreEqual(HttpStatusCode.BadRequest, (await _api.Official().GetAsync("/api/calendar?" + query)).StatusCode);

    [TestMethod]
    public async Task Deadlines_need_a_signed_in_official()
    {
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await _api.CreateClient().GetAsync("/api/calendar?from=2026-12-01&to=2026-12-31")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await _api.ClientAs("Annan").GetAsync("/api/calendar?from=2026-12-01&to=2026-12-31")).StatusCode);
    }
}
