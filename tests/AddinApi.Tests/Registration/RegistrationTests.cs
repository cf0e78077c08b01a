using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Registry.Embedded;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Registration;

/// <summary>
/// Registration in the embedded registry through the API (design.md, Registration (v2)): a registrar registers a mail
/// into a new case and another into the same case, the same mail twice gives the same numbers, the mail gets its
/// category, and the rules of the form answer 400 in Swedish.
/// </summary>
[TestClass]
public sealed class RegistrationTests
{
    /// <summary>Wednesday 2026-11-25, 10:00.</summary>
    internal static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    internal const string Rasmus = "registrator@sandbox.botkyrka.se";
    internal const string Hanna = "handlaggare@sandbox.botkyrka.se";

    internal static HttpClient Registrar(KontaktlofteFactory api)
    {
        var client = api.ClientAs(Roles.Registrator, Roles.Handlaggare);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, Rasmus);
        return client;
    }

    internal static async Task<string> PostMailAsync(HttpClient client, string subject, string from = "karin.lund@example.se", string? mailbox = null,
        string text = "Hej! Jag vill överklaga beslutet om bygglov. Hälsningar Karin Lund")
    {
        var posted = await client.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Karin Lund", address = from }, subject, bodyText = text, mailbox, receivedAt = Wednesday.AddHours(-2),
        });
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode, await posted.Content.ReadAsStringAsync());
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    internal static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string id, object body) =>
        client.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(id)}/registration", body);

    internal static object NewCase(string title = "Överklagande av bygglov Tumba 7:123", string series = "SBF") =>
        new { direction = "incoming", series, caseTitle = title, documentType = "Överklagande" };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [TestMethod]
    public async Task A_registrar_registers_a_mail_in_a_new_case_and_a_second_in_the_same_case()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var rasmus = Registrar(api);
        var first = await PostMailAsync(rasmus, "Överklagande av bygglov");
        var second = await PostMailAsync(rasmus, "Komplettering till överklagandet");

        var created = await RegisterAsync(rasmus, first, NewCase());
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var entry = await JsonAsync(created);
        Assert.AreEqual("SBF/2026:00001", entry.GetProperty("caseNumber").GetString(), "Registry:SequenceDigits 5, as Botkyrka writes");
        Assert.AreEqual(1, entry.GetProperty("documentNumber").GetInt32());
        Assert.AreEqual("registered", entry.GetProperty("state").GetString());
        Assert.AreEqual("incoming", entry.GetProperty("direction").GetString());
        var publicEntry = entry.GetProperty("publicEntry");
        Assert.AreEqual("Överklagande av bygglov", publicEntry.GetProperty("title").GetString(), "the subject is the document's title");
        Assert.AreEqual("karin.lund@example.se", publicEntry.GetProperty("party").GetProperty("address").GetString());
        Assert.AreEqual("Överklagande av bygglov Tumba 7:123", publicEntry.GetProperty("caseTitle").GetString());

        var inSame = await RegisterAsync(rasmus, second, new { direction = "incoming", caseNumber = "SBF/2026:1", documentType = "Komplettering" });
        Assert.AreEqual(HttpStatusCode.Created, inSame.StatusCode, await inSame.Content.ReadAsStringAsync());
        var secondEntry = await JsonAsync(inSame);
        Assert.AreEqual("SBF/2026:00001", secondEntry.GetProperty("caseNumber").GetString(), "KS/2026:1 and KS/2026:00001 are one case");
        Assert.AreEqual(2, secondEntry.GetProperty("documentNumber").GetInt32());
        Assert.AreEqual("Överklagande av bygglov Tumba 7:123", secondEntry.GetProperty("publicEntry").GetProperty("caseTitle").GetString());

        var mail = (await rasmus.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!.Single(m => m.GetProperty("id").GetString() == first);
        CollectionAssert.Contains(mail.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList(), "Registrerad SBF/2026:00001");
    }

    [TestMethod]
    public async Task The_same_mail_again_gives_the_same_numbers_with_200_and_no_second_document()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Ansökan om bygglov");
        var first = await JsonAsync(await RegisterAsync(rasmus, id, NewCase()));

        var again = await RegisterAsync(rasmus, id, NewCase("Ett annat ärende", "KS"));

        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode);
        var second = await JsonAsync(again);
        Assert.AreEqual(first.GetProperty("caseNumber").GetString(), second.GetProperty("caseNumber").GetString());
        Assert.AreEqual(first.GetProperty("documentNumber").GetInt32(), second.GetProperty("documentNumber").GetInt32());
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        Assert.AreEqual(1, await db.Set<RegistryCase>().CountAsync(), "no second case opened");
        Assert.AreEqual(1, await db.Set<RegisteredDocument>().CountAsync());
    }

    [TestMethod]
    public async Task Ten_registrations_at_once_get_ten_numbers_in_a_row_and_ten_of_one_mail_get_one()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var rasmus = Registrar(api);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++) ids.Add(await PostMailAsync(rasmus, $"Fråga nummer {i}", from: $"person{i}@example.se"));

        var answers = await Task.WhenAll(ids.Select(id => RegisterAsync(rasmus, id, NewCase($"Ärende {id[..6]}", "KS"))));
        var numbers = new List<string>();
        foreach (var answer in answers)
        {
            Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode, await answer.Content.ReadAsStringAsync());
            numbers.Add((await JsonAsync(answer)).GetProperty("caseNumber").GetString()!);
        }
        CollectionAssert.AreEquivalent(Enumerable.Range(1, 10).Select(n => $"KS/2026:{n:00000}").ToList(), numbers, "never two alike, no gaps");

        var same = await PostMailAsync(rasmus, "Samma mejl tio gånger");
        var repeats = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RegisterAsync(rasmus, same, NewCase("Ett ärende", "KS"))));
        Assert.AreEqual(1, repeats.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.AreEqual(9, repeats.Count(r => r.StatusCode == HttpStatusCode.OK));
        var cases = new HashSet<string>();
        foreach (var repeat in repeats) cases.Add((await JsonAsync(repeat)).GetProperty("caseNumber").GetString()!);
        Assert.AreEqual(1, cases.Count, "one mail, one case");
        Assert.AreEqual("KS/2026:00011", cases.Single(), "no number lost to the repeats");
    }

    [TestMethod]
    [DataRow("""{ "direction": "inkommande", "series": "KS", "caseTitle": "A", "documentType": "Skrivelse" }""", "direction")]
    [DataRow("""{ "direction": "incoming", "caseNumber": "KS-2026-17", "documentType": "Skrivelse" }""", "caseNumber")]
    [DataRow("""{ "direction": "incoming", "caseNumber": "XY/2026:17", "documentType": "Skrivelse" }""", "caseNumber")]
    [DataRow("""{ "direction": "incoming", "series": "XY", "caseTitle": "A", "documentType": "Skrivelse" }""", "series")]
    [DataRow("""{ "direction": "incoming", "caseTitle": "A", "documentType": "Skrivelse" }""", "series")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "documentType": "Skrivelse" }""", "caseTitle")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "caseTitle": "A" }""", "documentType")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "caseTitle": "A", "documentType": "Skrivelse", "secret": true }""", "secrecyGround")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "caseTitle": "A", "documentType": "Skrivelse", "secret": true, "secrecyGround": "sekretess" }""", "secrecyGround")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "caseTitle": "A", "documentType": "Skrivelse", "secrecyGround": "OSL 26 kap. 1 §" }""", "secrecyGround")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "caseTitle": "Anmälan om 19811218-9876", "documentType": "Skrivelse" }""", "caseTitle")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "caseTitle": "A", "documentType": "Skrivelse", "classificationCode": "två" }""", "classificationCode")]
    [DataRow("""{ "direction": "incoming", "series": "KS", "caseTitle": "A", "documentType": "Skrivelse", "officer": "anna@example.se" }""", "officer")]
    [DataRow("""{ "direction": "incoming", "caseNumber": "KS/2026:99", "documentType": "Skrivelse" }""", "caseNumber")]
    public async Task A_bad_form_is_a_400_in_Swedish_naming_the_field(string body, string field)
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var rasmus = Registrar(api);
        var id = await PostMailAsync(rasmus, "Skrivelse om parken");

        var answer = await rasmus.PostAsync($"/api/messages/{id}/registration", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        var problem = await JsonAsync(answer);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty(field, out var messages), await answer.Content.ReadAsStringAsync());
        StringAssert.Matches(messages[0].GetString()!, new System.Text.RegularExpressions.Regex("[åäöÅÄÖ]|Ange |ska |Skriv "), "Swedish");
        await using var scope = api.Services.CreateAsyncScope();
        Assert.AreEqual(0, await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<RegistryCase>().CountAsync(),
            "nothing registered, no number used");
    }

    [TestMethod]
    public async Task Registrar_endpoints_refuse_officials_with_403_and_everyone_without_a_token_with_401()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial(Hanna);
        var id = await PostMailAsync(hanna, "Fråga om parken");
        var anonymous = api.CreateClient();
        var registrarOnly = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, $"/api/messages/{id}/registration"),
            (HttpMethod.Get, "/api/registration-requests"),
            (HttpMethod.Post, $"/api/registration-requests/{Guid.NewGuid()}/decision"),
            (HttpMethod.Get, "/api/registrations"),
            (HttpMethod.Get, $"/api/registrations/{Guid.NewGuid()}"),
            (HttpMethod.Post, $"/api/registrations/{Guid.NewGuid()}/retry"),
        };
        foreach (var (method, path) in registrarOnly)
        {
            Assert.AreEqual(HttpStatusCode.Forbidden, (await hanna.SendAsync(Request(method, path))).StatusCode, path);
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request(method, path))).StatusCode, path);
        }
        foreach (var (method, path) in new[] { (HttpMethod.Get, $"/api/messages/{id}/registration"), (HttpMethod.Post, $"/api/messages/{id}/registration-request"),
                     (HttpMethod.Get, "/api/cases/KS/2026:1") })
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request(method, path))).StatusCode, path);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path) =>
        new(method, path) { Content = method == HttpMethod.Post ? JsonContent.Create(new { }) : null };

    [TestMethod]
    public async Task A_mail_gets_a_suggested_case_from_its_conversation_or_its_sender()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var rasmus = Registrar(api);
        var first = await PostMailAsync(rasmus, "Klagomål på buller", from: "olle@example.se");
        var registered = await JsonAsync(await RegisterAsync(rasmus, first, NewCase("Klagomål på buller från fläkt", "SBF")));
        var later = await PostMailAsync(rasmus, "Bullret fortsätter", from: "olle@example.se");
        var stranger = await PostMailAsync(rasmus, "Fråga om bibliotek", from: "eva@example.se");

        var forLater = await rasmus.GetFromJsonAsync<JsonElement>($"/api/messages/{later}/registration");
        var forStranger = await rasmus.GetFromJsonAsync<JsonElement>($"/api/messages/{stranger}/registration");

        var suggestion = forLater.GetProperty("suggestions").EnumerateArray().Single();
        Assert.AreEqual(registered.GetProperty("caseNumber").GetString(), suggestion.GetProperty("caseNumber").GetString());
        Assert.AreEqual("sender", suggestion.GetProperty("why").GetString());
        Assert.AreEqual(0, forStranger.GetProperty("suggestions").GetArrayLength());
        var prefill = forLater.GetProperty("prefill");
        Assert.AreEqual("incoming", prefill.GetProperty("direction").GetString());
        Assert.AreEqual("Bullret fortsätter", prefill.GetProperty("title").GetString());
        Assert.AreEqual(JsonValueKind.Null, forLater.GetProperty("registration").ValueKind);
    }
}
