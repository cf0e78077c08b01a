using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kontaktlofte.AddinApi.Tests.Registration.RegistrationTests;

namespace Kontaktlofte.AddinApi.Tests.Registration;

/// <summary>
/// An official asks for registration, the registrar's queue "Att registrera" shows it, the registrar registers it (the mail
/// read in the official's mailbox) or decides it need not be registered (OSL 5 kap. 1 §); the official sees the number.
/// </summary>
[TestClass]
public sealed class RegistrationRequestTests
{
    private static async Task<List<JsonElement>> QueueAsync(HttpClient registrar, string state = "pending") =>
        (await registrar.GetFromJsonAsync<JsonElement>($"/api/registration-requests?state={state}")).GetProperty("items").EnumerateArray().ToList();

    [TestMethod]
    public async Task An_official_asks_the_registrar_registers_from_the_queue_and_the_official_sees_the_number()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial(Hanna);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(hanna, "Synpunkter på detaljplanen för Tumba centrum");

        var asked = await hanna.PostAsJsonAsync($"/api/messages/{id}/registration-request", new { note = "Hör till detaljplanearbetet." });
        Assert.AreEqual(HttpStatusCode.Accepted, asked.StatusCode, await asked.Content.ReadAsStringAsync());
        var again = await hanna.PostAsJsonAsync($"/api/messages/{id}/registration-request", new { note = "Igen" });
        Assert.AreEqual(HttpStatusCode.Accepted, again.StatusCode);
        Assert.AreEqual((await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(), "asked twice, one request");

        var queued = (await QueueAsync(rasmus)).Single();
        Assert.AreEqual("Synpunkter på detaljplanen för Tumba centrum", queued.GetProperty("subject").GetString());
        Assert.AreEqual("Hanna Lindqvist", queued.GetProperty("requestedBy").GetProperty("name").GetString());
        Assert.AreEqual("Hör till detaljplanearbetet.", queued.GetProperty("note").GetString());
        var pending = await hanna.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/registration");
        Assert.AreEqual("pending", pending.GetProperty("request").GetProperty("state").GetString());
        Assert.AreEqual(JsonValueKind.Null, pending.GetProperty("registration").ValueKind);

        // The registrar cannot open Hanna's mailbox; the request's session reaches the mail there.
        var registered = await RegisterAsync(rasmus, id, new
        {
            direction = "incoming", series = "SBF", caseTitle = "Detaljplan för Tumba centrum", documentType = "Synpunkt",
            requestId = queued.GetProperty("id").GetString(),
        });
        Assert.AreEqual(HttpStatusCode.Created, registered.StatusCode, await registered.Content.ReadAsStringAsync());

        var seen = await hanna.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/registration");
        Assert.AreEqual("SBF/2026:00001", seen.GetProperty("registration").GetProperty("caseNumber").GetString());
        Assert.AreEqual("registered", seen.GetProperty("request").GetProperty("state").GetString());
        Assert.IsEmpty(await QueueAsync(rasmus), "off the queue");
        var done = (await QueueAsync(rasmus, "registered")).Single();
        Assert.AreEqual(JsonValueKind.Null, done.GetProperty("subject").ValueKind, "the request's copy of the subject goes once registered");
        var mail = (await hanna.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!.Single(m => m.GetProperty("id").GetString() == id);
        CollectionAssert.Contains(mail.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList(), "Registrerad SBF/2026:00001",
            "the category is set in the official's mailbox, where the mail is");
    }

    [TestMethod]
    public async Task A_registrar_decides_a_mail_need_not_be_registered_with_a_reason_the_official_sees()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial(Hanna);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(hanna, "Tack för hjälpen!", text: "Tack för hjälpen igår. Karin");
        await hanna.PostAsJsonAsync($"/api/messages/{id}/registration-request", new { note = (string?)null });
        var request = (await QueueAsync(rasmus)).Single().GetProperty("id").GetString();

        var bad = await rasmus.PostAsJsonAsync($"/api/registration-requests/{request}/decision", new { decision = "not-registered", reason = "tråkig" });
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ringa-betydelse", await bad.Content.ReadAsStringAsync());
        var decided = await rasmus.PostAsJsonAsync($"/api/registration-requests/{request}/decision",
            new { decision = "not-registered", reason = "ringa-betydelse", note = "Ett tack behöver inte registreras." });
        Assert.AreEqual(HttpStatusCode.OK, decided.StatusCode, await decided.Content.ReadAsStringAsync());
        var twice = await rasmus.PostAsJsonAsync($"/api/registration-requests/{request}/decision", new { decision = "not-registered", reason = "hålls-ordnad" });
        Assert.AreEqual(HttpStatusCode.Conflict, twice.StatusCode);

        var seen = (await hanna.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/registration")).GetProperty("request");
        Assert.AreEqual("not-registered", seen.GetProperty("state").GetString());
        Assert.AreEqual("ringa-betydelse", seen.GetProperty("reason").GetString());
        Assert.AreEqual("Ett tack behöver inte registreras.", seen.GetProperty("decisionNote").GetString());
        Assert.IsEmpty(await QueueAsync(rasmus));
    }

    [TestMethod]
    public async Task Every_registration_request_and_decision_is_in_the_audit_log_without_a_subject()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial(Hanna);
        var rasmus = Registrar(api);
        var asked = await PostMailAsync(hanna, "Anmälan om missförhållanden på boendet");
        var thanked = await PostMailAsync(hanna, "Tack så mycket");
        await hanna.PostAsJsonAsync($"/api/messages/{asked}/registration-request", new { note = "Viktig" });
        await hanna.PostAsJsonAsync($"/api/messages/{thanked}/registration-request", new { note = "Tack-mejl" });
        var queue = await QueueAsync(rasmus);
        var askedId = queue.Single(q => q.GetProperty("messageId").GetString() == asked).GetProperty("id").GetString();
        var thankedId = queue.Single(q => q.GetProperty("messageId").GetString() == thanked).GetProperty("id").GetString();
        await RegisterAsync(rasmus, asked, new { direction = "incoming", series = "VOF", caseTitle = "Tillsyn", documentType = "Anmälan", requestId = askedId,
            secret = true, secrecyGround = "OSL 26 kap. 1 §" });
        await rasmus.PostAsJsonAsync($"/api/registration-requests/{thankedId}/decision", new { decision = "not-registered", reason = "hålls-ordnad" });

        await using var scope = api.Services.CreateAsyncScope();
        // The registration lines (the sandbox's seeded receipts have their own).
        var log = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().AuditEvents.AsNoTracking()
            .Where(a => a.Action.StartsWith("registration")).OrderBy(a => a.Id).ToListAsync();
        CollectionAssert.AreEqual(new[]
        {
            "registration-request.created", "registration-request.created", "registration.created", "registration.registered",
            "registration-request.decided",
        }, log.Select(a => a.Action).ToList());
        CollectionAssert.AreEqual(new[] { Hanna, Hanna, Rasmus, Rasmus, Rasmus }, log.Select(a => a.Actor).ToList());
        Assert.Contains("VOF/2026:00001", log[3].Details!);
        Assert.Contains("sekretess OSL 26 kap. 1 §", log[3].Details!);
        foreach (var line in log)
        {
            Assert.DoesNotContain("missförhållanden", line.Details ?? "", "no subject in the log");
            Assert.DoesNotContain("karin", (line.Details ?? "").ToLowerInvariant(), "no party in the log");
        }
    }

    [TestMethod]
    public async Task A_request_note_with_a_personal_identity_number_is_refused()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial(Hanna);
        var id = await PostMailAsync(hanna, "Fråga");

        var answer = await hanna.PostAsJsonAsync($"/api/messages/{id}/registration-request", new { note = "Gäller 19811218-9876" });

        Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("personnummer", await answer.Content.ReadAsStringAsync());
    }
}
