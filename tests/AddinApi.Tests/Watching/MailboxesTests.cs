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
        Assert.IsFalse((await ListAsync(Head())).Any(m => m.GetProperty("address").GetString() == "info@botkyrka.se"),
            "watched by nobody of Elin Sandberg's unit: another unit's");
    }

    private static string[] Addresses(List<JsonElement> mailboxes) => mailboxes.Select(m => m.GetProperty("address").GetString()!).ToArray();

    [TestMethod]
    public async Task A_unit_head_sees_the_function_mailboxes_of_the_unit_and_not_another_units()
    {
        await using var api = new KontaktlofteFactory();
        var elin = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        elin.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");

        // bygglov@ is watched by Elin herself and Hanna, bygglov-tillsyn@ by two of her reports; kontaktcenter@ by the registrar.
        CollectionAssert.AreEqual(new[] { "bygglov-tillsyn@sandbox.botkyrka.se", "bygglov@sandbox.botkyrka.se" }, Addresses(await ListAsync(elin)));
    }

    [TestMethod]
    public async Task A_head_of_another_unit_sees_none_of_them_and_the_mailbox_nobody_watches_is_every_heads()
    {
        await using var api = new KontaktlofteFactory(settings: new() { ["Watcher:FunctionMailboxes:0"] = "ny@sandbox.botkyrka.se" });
        // Mats Lindgren heads Gatuenheten: nobody there watches a sandbox function mailbox.
        var mats = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        mats.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "mats.lindgren@sandbox.botkyrka.se");

        CollectionAssert.AreEqual(new[] { "ny@sandbox.botkyrka.se" }, Addresses(await ListAsync(mats)), "configured, watched by nobody: his to give watchers");
        Assert.IsEmpty(await ListAsync(api.SandboxOfficial("johan.virtanen@sandbox.botkyrka.se")), "an official sees only what they watch");
    }

    [TestMethod]
    public async Task An_official_and_a_registrar_still_see_exactly_the_mailboxes_they_watch()
    {
        await using var api = new KontaktlofteFactory(settings: new() { ["Watcher:FunctionMailboxes:0"] = "ny@sandbox.botkyrka.se" });
        var registrar = api.ClientAs(Roles.Registrator, Roles.Handlaggare);
        registrar.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "registrator@sandbox.botkyrka.se");

        CollectionAssert.AreEqual(new[] { "kontaktcenter@sandbox.botkyrka.se" }, Addresses(await ListAsync(registrar)));
        CollectionAssert.AreEqual(new[] { "bygglov@sandbox.botkyrka.se" }, Addresses(await ListAsync(api.SandboxOfficial("handlaggare@sandbox.botkyrka.se"))));
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
        Assert.AreEqual(HttpStatusCode.Forbidden, (await _api.ClientAs(Roles.Registrator).GetAsync("/api/mailboxes")).StatusCode, "no Handlaggare role: no official");
    }
}
