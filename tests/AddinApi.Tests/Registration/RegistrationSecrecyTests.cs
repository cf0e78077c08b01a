using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Kontaktlofte.AddinApi.Tests.Registration.RegistrationTests;

namespace Kontaktlofte.AddinApi.Tests.Registration;

/// <summary>
/// OSL 5 kap. 2 §: a secret record is registered, but its public entry leaves out the sender and the part of the title
/// that would reveal what secrecy protects; those parts are kept apart and shown to registrars only, one entry at a time.
/// Every read path is tried here: the registration's answer, the entry, the list, the case, the mail's registration, the
/// queue, the audit log and every log line.
/// </summary>
[TestClass]
public sealed class RegistrationSecrecyTests
{
    private const string Subject = "Orosanmälan om barn på Tumbaskolan";
    private const string Sender = "oroligforalder@example.se";
    private const string SenderName = "Orolig Förälder";

    private sealed class AllLogs : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + exception);
        public void Dispose() { }
    }

    private static void AssertNothingKeptApart(string text, string where)
    {
        Assert.DoesNotContain("Orosanmälan om barn", text, $"{where}: the revealing title");
        Assert.DoesNotContain("Tumbaskolan", text, $"{where}: the revealing title");
        Assert.DoesNotContain(Sender, text, $"{where}: the sender");
        Assert.DoesNotContain(SenderName, text, $"{where}: the sender's name");
        Assert.DoesNotContain("Elev i årskurs", text, $"{where}: the case title kept apart");
    }

    [TestMethod]
    public async Task A_secret_entry_keeps_sender_and_revealing_title_apart_on_every_read_path()
    {
        var logs = new AllLogs();
        await using var api = new KontaktlofteFactory(now: Wednesday, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var hanna = api.SandboxOfficial(Hanna);
        var rasmus = Registrar(api);
        var posted = await hanna.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = SenderName, address = Sender }, subject = Subject, receivedAt = Wednesday.AddHours(-1),
            bodyText = "Hej, jag är orolig för en elev i klass 4B som ofta kommer hungrig till skolan. Förälder",
        });
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await hanna.PostAsJsonAsync($"/api/messages/{id}/registration-request", new { note = "Sekretess" });
        var requestId = (await rasmus.GetFromJsonAsync<JsonElement>("/api/registration-requests")).GetProperty("items")[0].GetProperty("id").GetString();

        var created = await RegisterAsync(rasmus, id, new
        {
            direction = "incoming", series = "SOF", caseTitle = "Orosanmälan", caseTitleKeptApart = "Elev i årskurs 4, Tumbaskolan",
            documentType = "Anmälan", secret = true, secrecyGround = "OSL 26 kap. 1 §", requestId,
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());

        // The registrar who registered it sees the kept-apart parts in this one entry.
        var entry = await created.Content.ReadFromJsonAsync<JsonElement>();
        var publicEntry = entry.GetProperty("publicEntry");
        Assert.IsTrue(publicEntry.GetProperty("secret").GetBoolean());
        Assert.AreEqual("Anmälan", publicEntry.GetProperty("title").GetString(), "a secret document's public title: its type");
        Assert.AreEqual("Orosanmälan", publicEntry.GetProperty("caseTitle").GetString());
        Assert.AreEqual(JsonValueKind.Null, publicEntry.GetProperty("party").ValueKind);
        Assert.AreEqual("OSL 26 kap. 1 §", publicEntry.GetProperty("secrecyGround").GetString());
        AssertNothingKeptApart(publicEntry.GetRawText(), "the public entry");
        var keptApart = entry.GetProperty("keptApart");
        Assert.AreEqual(Subject, keptApart.GetProperty("title").GetString());
        Assert.AreEqual(Sender, keptApart.GetProperty("party").GetProperty("address").GetString());
        Assert.AreEqual("Elev i årskurs 4, Tumbaskolan", keptApart.GetProperty("caseTitle").GetString());
        var caseNumber = entry.GetProperty("caseNumber").GetString()!;
        var registrationId = entry.GetProperty("id").GetString();

        // The single entry, for a registrar: kept-apart parts shown.
        var one = await rasmus.GetStringAsync($"/api/registrations/{registrationId}");
        Assert.Contains(Subject, one);

        // Lists never carry them, not even for a registrar.
        AssertNothingKeptApart(await rasmus.GetStringAsync("/api/registrations"), "the registrar's list");
        AssertNothingKeptApart(await rasmus.GetStringAsync($"/api/registrations?caseNumber={Uri.EscapeDataString(caseNumber)}"), "the list by case");
        AssertNothingKeptApart(await rasmus.GetStringAsync("/api/registration-requests?state=all"), "the queue");
        AssertNothingKeptApart(await hanna.GetStringAsync("/api/cases?conversationId=x"), "the conversation's cases");

        // The case: public entries for officials, the whole case for the registrar.
        var forOfficial = await hanna.GetAsync($"/api/cases/{caseNumber}");
        Assert.AreEqual(HttpStatusCode.OK, forOfficial.StatusCode);
        var officialCase = await forOfficial.Content.ReadAsStringAsync();
        AssertNothingKeptApart(officialCase, "the case for an official");
        Assert.Contains("Orosanmälan", officialCase, "the public case title is public");
        Assert.Contains(Subject, await rasmus.GetStringAsync($"/api/cases/{caseNumber}"), "the registrar's case view is whole");

        // The official's view of the mail's registration: its public entry only.
        AssertNothingKeptApart((await hanna.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/registration")).GetProperty("registration").GetRawText(),
            "the official's view of the registration");

        // The audit log and every log line the API wrote.
        await using var scope = api.Services.CreateAsyncScope();
        foreach (var line in await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().AuditEvents.AsNoTracking().ToListAsync())
            AssertNothingKeptApart(line.Details ?? "", "the audit log");
        Assert.IsNotEmpty(logs.Lines);
        foreach (var line in logs.Lines) AssertNothingKeptApart(line, "a log line");
    }

    [TestMethod]
    public async Task A_public_entry_shows_sender_and_title_to_everyone()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Förslag om fler parkbänkar");
        var created = await (await RegisterAsync(rasmus, id, NewCase("Medborgarförslag om parkbänkar", "KS"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(JsonValueKind.Null, created.GetProperty("keptApart").ValueKind, "nothing kept apart of a public record");

        var forOfficial = await api.SandboxOfficial(Hanna).GetStringAsync($"/api/cases/{created.GetProperty("caseNumber").GetString()}");

        Assert.Contains("Förslag om fler parkbänkar", forOfficial);
        Assert.Contains("karin.lund@example.se", forOfficial);
    }

    [TestMethod]
    public async Task A_subject_with_a_personal_identity_number_is_never_stored_as_a_title()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Ansökan för 19811218-9876");

        var asIs = await RegisterAsync(rasmus, id, NewCase("Ansökan om bygglov", "SBF"));
        Assert.AreEqual(HttpStatusCode.BadRequest, asIs.StatusCode);
        Assert.Contains("documentTitle", await asIs.Content.ReadAsStringAsync());

        var retitled = await RegisterAsync(rasmus, id, new { direction = "incoming", series = "SBF", caseTitle = "Ansökan om bygglov", documentType = "Ansökan",
            documentTitle = "Ansökan om bygglov" });
        Assert.AreEqual(HttpStatusCode.Created, retitled.StatusCode, await retitled.Content.ReadAsStringAsync());
        Assert.DoesNotContain("9876", await retitled.Content.ReadAsStringAsync());
    }
}
