using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Kontaktlofte.AddinApi.Tests.Registration.RegistrationTests;

namespace Kontaktlofte.AddinApi.Tests.Registration;

/// <summary>
/// The registry down (Lex over HTTP unreachable): the registration is recorded and waits in the outbox as "väntar på Lex",
/// nothing lost; once the registry answers it is registered, once; a registry that refuses leaves it refused with its reason.
/// </summary>
[TestClass]
public sealed class RegistryDownTests
{
    /// <summary>A registry that is down until told otherwise, and counts what it was asked.</summary>
    private sealed class SwitchableRegistry : IRegistry
    {
        public volatile bool Down = true;
        public volatile bool Refuse;
        public int Asked;
        public int Registered;
        private readonly Dictionary<string, RegistryAnswer> _done = [];

        public string Name => "LexHttp";

        public Task<RegistryAnswer> RegisterAsync(RegistryOrder order, IRegistryMemo memo, CancellationToken cancel)
        {
            Interlocked.Increment(ref Asked);
            if (Refuse) throw new RegistryRefusedException("Lex känner inte till ärendet KS/2026:00099.");
            if (Down) throw new RegistryUnavailableException("Lex svarar inte (503).", TimeSpan.FromMinutes(1));
            lock (_done)
            {
                if (!_done.TryGetValue(order.InternetMessageId, out var answer))
                {
                    Registered++;
                    _done[order.InternetMessageId] = answer = new RegistryAnswer(RegistryOutcome.Registered, new CaseNumber("KS", 2026, 40 + Registered), 1,
                        Wednesday);
                }
                return Task.FromResult(answer);
            }
        }

        public Task<bool?> CaseExistsAsync(CaseNumber number, CancellationToken cancel) => Task.FromResult<bool?>(null);
    }

    private static KontaktlofteFactory Api(SwitchableRegistry registry) =>
        new(now: Wednesday, services: s => s.Replace(ServiceDescriptor.Scoped<IRegistry>(_ => registry)));

    [TestMethod]
    public async Task With_the_registry_down_a_registration_waits_as_vantar_pa_Lex_and_is_registered_once_when_it_is_back()
    {
        var lex = new SwitchableRegistry();
        await using var api = Api(lex);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Överklagande");

        var queued = await RegisterAsync(rasmus, id, NewCase());

        Assert.AreEqual(HttpStatusCode.Created, queued.StatusCode, await queued.Content.ReadAsStringAsync());
        var entry = await queued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("queued", entry.GetProperty("state").GetString());
        Assert.AreEqual("Väntar på Lex", entry.GetProperty("stateText").GetString());
        Assert.AreEqual("Lex svarar inte (503).", entry.GetProperty("problem").GetString());
        Assert.AreEqual(JsonValueKind.Null, entry.GetProperty("caseNumber").ValueKind);
        var waiting = (await rasmus.GetFromJsonAsync<JsonElement>("/api/registrations?state=queued")).GetProperty("items");
        Assert.AreEqual(1, waiting.GetArrayLength(), "visible as waiting");
        var again = await RegisterAsync(rasmus, id, NewCase());
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode, "asked again while waiting: the same registration, not a second");

        lex.Down = false;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // The outbox's next attempt (its worker would make it after the Retry-After).
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxQueue>();
            var registrationId = Guid.Parse(entry.GetProperty("id").GetString()!);
            var item = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<OutboxItem>().AsNoTracking().SingleAsync(i => i.Id == registrationId);
            Assert.AreEqual(OutboxStatus.Queued, item.Status);
            Assert.IsTrue(item.NextAttemptAt >= Wednesday.AddMinutes(1), "Retry-After honoured");
            await outbox.SendClaimedAsync(registrationId, CancellationToken.None);
            await outbox.SendClaimedAsync(registrationId, CancellationToken.None); // a second worker's late try changes nothing
        }

        var seen = (await rasmus.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/registration")).GetProperty("registration");
        Assert.AreEqual("registered", seen.GetProperty("state").GetString());
        Assert.AreEqual("KS/2026:00041", seen.GetProperty("caseNumber").GetString());
        Assert.AreEqual(1, lex.Registered, "registered once");
    }

    [TestMethod]
    public async Task A_registration_given_up_after_hours_stays_waiting_and_a_registrar_sends_it_again()
    {
        var lex = new SwitchableRegistry();
        await using var api = new KontaktlofteFactory(now: Wednesday, settings: new() { ["Outbox:MaxAttempts"] = "1" },
            services: s => s.Replace(ServiceDescriptor.Scoped<IRegistry>(_ => lex)));
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Överklagande");
        var entry = await (await RegisterAsync(rasmus, id, NewCase())).Content.ReadFromJsonAsync<JsonElement>();
        var registrationId = entry.GetProperty("id").GetString();
        Assert.AreEqual("queued", entry.GetProperty("state").GetString(), "given up by the outbox, not lost");
        StringAssert.Contains(entry.GetProperty("problem").GetString(), "Försök igen");

        lex.Down = false;
        var retried = await rasmus.PostAsync($"/api/registrations/{registrationId}/retry", null);
        Assert.AreEqual(HttpStatusCode.Accepted, retried.StatusCode, await retried.Content.ReadAsStringAsync());
        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxQueue>().SendClaimedAsync(Guid.Parse(registrationId!), CancellationToken.None);

        var seen = await rasmus.GetFromJsonAsync<JsonElement>($"/api/registrations/{registrationId}");
        Assert.AreEqual("registered", seen.GetProperty("state").GetString());
        Assert.AreEqual(1, lex.Registered);
        var retriedTwice = await rasmus.PostAsync($"/api/registrations/{registrationId}/retry", null);
        Assert.AreEqual(HttpStatusCode.Conflict, retriedTwice.StatusCode, "a registered one is not sent again");
    }

    [TestMethod]
    public async Task A_refusal_leaves_the_registration_refused_with_the_registrys_reason_and_it_may_be_registered_anew()
    {
        var lex = new SwitchableRegistry { Down = false, Refuse = true };
        await using var api = Api(lex);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Komplettering");

        var refused = await (await RegisterAsync(rasmus, id, new { direction = "incoming", caseNumber = "KS/2026:99", documentType = "Komplettering" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("refused", refused.GetProperty("state").GetString());
        Assert.AreEqual("Lex känner inte till ärendet KS/2026:00099.", refused.GetProperty("problem").GetString());

        lex.Refuse = false;
        var anew = await RegisterAsync(rasmus, id, NewCase());
        Assert.AreEqual(HttpStatusCode.Created, anew.StatusCode, await anew.Content.ReadAsStringAsync());
        Assert.AreEqual("registered", (await anew.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }
}
