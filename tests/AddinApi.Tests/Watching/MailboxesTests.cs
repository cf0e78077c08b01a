using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>The function mailboxes: who watches them, set by the unit head; each official sees those they watch.</summary>
[TestClass]
public sealed class MailboxesTests
{
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory(settings: new() { ["Watcher:FunctionMailboxes:0"] = "info@botkyrka.se" });

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static HttpClient Head(string email = "enhetschef@sandbox.botkyrka.se")
    {
        var client = _api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, email);
        return client;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/mailboxes"))!;

    [TestMethod]
    public async Task A_unit_head_sets_the_watchers_and_each_official_sees_the_mailboxes_they_watch()
    {
        var set = await Head().PutAsJsonAsync("/api/mailboxes/info@botkyrka.se",
            new { watchers = new[] { " Sofia.Ahmed@botkyrka.se ", "per.holm@botkyrka.se" }, automaticReceipt = false, receiptNote = "Vi svarar inom två arbetsdagar." });

        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        var sofia = _api.SandboxOfficial("sofia.ahmed@botkyrka.se");
        var hers = await ListAsync(sofia);
        Assert.AreEqual("info@botkyrka.se", hers.Single(m => m.GetProperty("address").GetString() == "info@botkyrka.se").GetProperty("address").GetString());
        CollectionAssert.AreEqual(new[] { "sofia.ahmed@botkyrka.se", "per.holm@botkyrka.se" },
            hers.Single(m => m.GetProperty("address").GetString() == "info@botkyrka.se").GetProperty("watchers").EnumerateArray().Select(w => w.GetString()).ToArray());
        Assert.IsEmpty((await ListAsync(_api.SandboxOfficial("someone.else@botkyrka.se"))).Where(m => m.GetProperty("address").GetString() == "info@botkyrka.se"));
        Assert.IsTrue((await ListAsync(Head())).Any(m => m.GetProperty("address").GetString() == "info@botkyrka.se"), "a unit head sees them all");
    }

    [TestMethod]
    [DataRow("info@botkyrka.se", "anna.berg@example.se", HttpStatusCode.BadRequest, DisplayName = "a watcher outside the municipality")]
    [DataRow("info@botkyrka.se", "", HttpStatusCode.BadRequest, DisplayName = "an empty watcher")]
    [DataRow("okand@botkyrka.se", "per.holm@botkyrka.se", HttpStatusCode.NotFound, DisplayName = "a mailbox nobody configured")]
    public async Task Bad_settings_are_refused_in_swedish(string mailbox, string watcher, HttpStatusCode status)
    {
        var response = await Head().PutAsJsonAsync($"/api/mailboxes/{mailbox}", new { watchers = new[] { watcher }, automaticReceipt = false });

        Assert.AreEqual(status, response.StatusCode);
        Assert.IsFalse(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
    }

    [TestMethod]
    public async Task The_automatic_receipt_is_turned_on_and_off_by_the_unit_head()
    {
        var on = await Head().PutAsJsonAsync("/api/mailboxes/info@botkyrka.se", new { watchers = Array.Empty<string>(), automaticReceipt = true });
        Assert.AreEqual(HttpStatusCode.OK, on.StatusCode);
        Assert.IsTrue((await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("automaticReceipt").GetBoolean());

        var off = await Head().PutAsJsonAsync("/api/mailboxes/info@botkyrka.se", new { watchers = Array.Empty<string>(), automaticReceipt = false });
        Assert.IsFalse((await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("automaticReceipt").GetBoolean());
    }

    [TestMethod]
    public async Task Only_a_unit_head_sets_watchers_and_only_the_signed_in_list_them()
    {
        var body = new { watchers = new[] { "per.holm@botkyrka.se" }, automaticReceipt = false };
        Assert.AreEqual(HttpStatusCode.Forbidden, (await _api.Official().PutAsJsonAsync("/api/mailboxes/info@botkyrka.se", body)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await _api.CreateClient().PutAsJsonAsync("/api/mailboxes/info@botkyrka.se", body)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await _api.CreateClient().GetAsync("/api/mailboxes")).StatusCode);
    }
}
