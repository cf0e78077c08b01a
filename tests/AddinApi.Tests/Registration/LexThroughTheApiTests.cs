using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Tests.Registry.Lex;
using Microsoft.Extensions.DependencyInjection;
using static Kontaktlofte.AddinApi.Tests.Registration.RegistrationTests;

namespace Kontaktlofte.AddinApi.Tests.Registration;

/// <summary>
/// The whole way with Lex over HTTP: the registrar's registration goes through the outbox to the (fake) Lex; with Lex down
/// it waits as "väntar på Lex" and nothing is lost; when Lex is back the outbox's next try registers it once, with
/// Lex's numbers, and the mail gets its category.
/// </summary>
[TestClass]
public sealed class LexThroughTheApiTests
{
    [TestMethod]
    public async Task Lex_down_then_back_registers_the_mail_once_with_lexs_numbers()
    {
        await using var lex = await FakeLex.StartAsync();
        await using var api = new KontaktlofteFactory(now: Wednesday, settings: new()
        {
            ["Registry:Adapter"] = "LexHttp",
            ["Registry:LexHttp:BaseUrl"] = lex.BaseUrl,
            ["Registry:LexHttp:ApiKey"] = FakeLex.ApiKey,
            ["Registry:LexHttp:Timeout"] = "00:00:02",
        });
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Överklagande av bygglov");
        lex.Down = LexDown.Unavailable;

        var waiting = await RegisterAsync(rasmus, id, NewCase(series: "SBF"));

        Assert.AreEqual(HttpStatusCode.Created, waiting.StatusCode, await waiting.Content.ReadAsStringAsync());
        var entry = await waiting.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("queued", entry.GetProperty("state").GetString());
        Assert.AreEqual("Väntar på Lex", entry.GetProperty("stateText").GetString());
        Assert.AreEqual(0, lex.Documents);

        lex.Down = LexDown.No;
        var registrationId = Guid.Parse(entry.GetProperty("id").GetString()!);
        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxQueue>().SendClaimedAsync(registrationId, CancellationToken.None);
        var again = await RegisterAsync(rasmus, id, NewCase(series: "SBF"));

        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode);
        var registered = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("registered", registered.GetProperty("state").GetString());
        StringAssert.StartsWith(registered.GetProperty("caseNumber").GetString(), "SBF/2026:");
        Assert.AreEqual(1, registered.GetProperty("documentNumber").GetInt32());
        Assert.AreEqual(1, lex.Documents, "registered once at Lex, however often it was tried");
        Assert.IsTrue(lex.Requests.Where(r => r.Method == "POST").Select(r => r.Headers["Idempotency-Key"]).Distinct().Count() == 1,
            "every try carried the same key");
        var mail = (await rasmus.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!.Single(m => m.GetProperty("id").GetString() == id);
        CollectionAssert.Contains(mail.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList(),
            "Registrerad " + registered.GetProperty("caseNumber").GetString());
    }
}
