using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>The unit head's Monday view over the sandbox's seeded unit (Elin Sandberg, Bygglovsenheten).</summary>
[TestClass]
public sealed class CoverageEndpointTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    private const string Head = "enhetschef@sandbox.botkyrka.se";
    private const string Karin = "karin.nordstrom@sandbox.botkyrka.se";
    private const string Maja = "maja.eriksson@sandbox.botkyrka.se";

    private static async Task<KontaktlofteFactory> UnitAsync()
    {
        var api = new KontaktlofteFactory(now: Wednesday);
        // The watcher is off in tests: one round tracks the seeded mail, as it would on arrival.
        await api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);
        return api;
    }

    private static HttpClient HeadOf(KontaktlofteFactory api)
    {
        var client = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, Head);
        return client;
    }

    private static async Task<JsonElement> CoverageAsync(HttpClient head) =>
        await head.GetFromJsonAsync<JsonElement>("/api/units/mine/coverage");

    private static JsonElement Member(JsonElement coverage, string email) =>
        coverage.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("email").GetString() == email);

    private static JsonElement Mailbox(JsonElement coverage, string address) =>
        coverage.GetProperty("functionMailboxes").EnumerateArray().Single(m => m.GetProperty("address").GetString() == address);

    [TestMethod]
    public async Task The_seeded_unit_shows_its_gaps_first_then_overdue_mail_then_everyone_by_name()
    {
        await using var api = await UnitAsync();

        var coverage = await CoverageAsync(HeadOf(api));

        var names = coverage.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "Karin Nordström", "Tobias Wallin", "Hanna Lindqvist", "Maja Eriksson", "Lina Öhman", "Nora Sundberg",
            "Oskar Bergqvist", "Per Holm", "Sofia Ahmed" }, names);
        var karin = Member(coverage, Karin);
        Assert.IsTrue(karin.GetProperty("flagged").GetBoolean());
        Assert.AreEqual(2, karin.GetProperty("open").GetInt32());
        Assert.AreEqual(1, karin.GetProperty("dueToday").GetInt32());
        Assert.AreEqual(1, karin.GetProperty("overdue").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, karin.GetProperty("cover").ValueKind);
        var reply = karin.GetProperty("autoReply");
        Assert.IsTrue(reply.GetProperty("enabled").GetBoolean());
        Assert.IsFalse(reply.GetProperty("namesContact").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, reply.GetProperty("end").ValueKind);
        var flags = karin.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        CollectionAssert.AreEqual(new[] { "Borta med öppen post från invånare och ingen ersättare i dag.",
            "Frånvaromeddelandet har inget slutdatum: ange när du är tillbaka.",
            "Frånvaromeddelandet hänvisar inte till Kontaktcenter (08-530 610 00) eller till en kollega." }, flags);

        var tobias = Member(coverage, "tobias.wallin@sandbox.botkyrka.se");
        Assert.IsTrue(tobias.GetProperty("flagged").GetBoolean(), "a right reply, but nobody reads his mail");
        Assert.IsTrue(tobias.GetProperty("autoReply").GetProperty("namesContact").GetBoolean(), "he names Maja's address");
        Assert.IsEmpty(tobias.GetProperty("autoReply").GetProperty("problems").EnumerateArray().ToList());

        var per = Member(coverage, "per.holm@sandbox.botkyrka.se");
        Assert.IsTrue(per.GetProperty("autoReply").GetProperty("away").GetBoolean());
        Assert.AreEqual(1, per.GetProperty("open").GetInt32());
        Assert.IsFalse(per.GetProperty("flagged").GetBoolean(), "Sofia Ahmed covers him");
        Assert.AreEqual("Sofia Ahmed", per.GetProperty("cover").GetProperty("name").GetString());
        Assert.IsTrue(per.GetProperty("cover").GetProperty("today").GetBoolean());

        var lina = Member(coverage, "lina.ohman@sandbox.botkyrka.se");
        Assert.IsFalse(lina.GetProperty("flagged").GetBoolean(), "away, but no mail waits");
        CollectionAssert.AreEqual(new[] { "Frånvaromeddelandet har inget slutdatum: ange när du är tillbaka." },
            lina.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToArray());
        var oskar = Member(coverage, "oskar.bergqvist@sandbox.botkyrka.se").GetProperty("autoReply");
        Assert.IsTrue(oskar.GetProperty("enabled").GetBoolean());
        Assert.IsFalse(oskar.GetProperty("away").GetBoolean(), "his reply is scheduled for next week");

        CollectionAssert.AreEqual(new[] { "bygglov-tillsyn@sandbox.botkyrka.se", "bygglov@sandbox.botkyrka.se" },
            coverage.GetProperty("functionMailboxes").EnumerateArray().Select(m => m.GetProperty("address").GetString()).ToArray(),
            "the unit's function mailboxes only: kontaktcenter@ is watched by nobody in the unit");
        var tillsyn = Mailbox(coverage, "bygglov-tillsyn@sandbox.botkyrka.se");
        Assert.IsFalse(tillsyn.GetProperty("watchedNow").GetBoolean(), "both its watchers are away");
        Assert.AreEqual(2, tillsyn.GetProperty("open").GetInt32());
        Assert.AreEqual(1, tillsyn.GetProperty("overdue").GetInt32());
        Assert.IsTrue(Mailbox(coverage, "bygglov@sandbox.botkyrka.se").GetProperty("watchedNow").GetBoolean());
        Assert.IsGreaterThan(0, Mailbox(coverage, "bygglov@sandbox.botkyrka.se").GetProperty("open").GetInt32());
    }

    [TestMethod]
    public async Task A_cover_set_by_the_head_shows_in_the_coverage_clears_the_flag_and_is_audited()
    {
        await using var api = await UnitAsync();
        var head = HeadOf(api);

        var set = await head.PutAsJsonAsync($"/api/units/mine/members/{Uri.EscapeDataString(Karin)}/cover",
            new { coverId = Maja, from = "2026-11-25", to = "2026-11-27" });

        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        var coverage = await CoverageAsync(head);
        var karin = Member(coverage, Karin);
        Assert.IsFalse(karin.GetProperty("flagged").GetBoolean());
        Assert.AreEqual("Maja Eriksson", karin.GetProperty("cover").GetProperty("name").GetString());
        Assert.AreEqual(Maja, karin.GetProperty("cover").GetProperty("id").GetString());
        Assert.AreEqual("2026-11-27", karin.GetProperty("cover").GetProperty("to").GetString());
        Assert.AreEqual("Tobias Wallin", coverage.GetProperty("members")[0].GetProperty("name").GetString(), "the one gap left comes first");
        Assert.IsTrue(Mailbox(coverage, "bygglov-tillsyn@sandbox.botkyrka.se").GetProperty("watchedNow").GetBoolean(),
            "Karin is away, but her cover reads her mail");

        var removed = await head.PutAsJsonAsync($"/api/units/mine/members/{Uri.EscapeDataString(Karin)}/cover", new { coverId = (string?)null });
        Assert.AreEqual(HttpStatusCode.OK, removed.StatusCode, await removed.Content.ReadAsStringAsync());
        Assert.IsTrue(Member(await CoverageAsync(head), Karin).GetProperty("flagged").GetBoolean());

        await using var scope = api.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().AuditEvents.AsNoTracking()
            .Where(a => a.Target == Karin).OrderBy(a => a.Id).ToListAsync();
        CollectionAssert.AreEqual(new[] { "cover.set", "cover.removed" }, audit.Select(a => a.Action).ToArray());
        Assert.AreEqual(Head, audit[0].Actor);
        StringAssert.Contains(audit[0].Details, $"cover={Maja}");
    }

    [TestMethod]
    public async Task A_cover_from_tomorrow_shows_but_leaves_today_flagged()
    {
        await using var api = await UnitAsync();
        var head = HeadOf(api);

        var set = await head.PutAsJsonAsync($"/api/units/mine/members/{Uri.EscapeDataString(Karin)}/cover",
            new { coverId = Maja, from = "2026-11-26", to = "2026-11-27" });

        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        var karin = Member(await CoverageAsync(head), Karin);
        Assert.IsFalse(karin.GetProperty("cover").GetProperty("today").GetBoolean());
        Assert.IsTrue(karin.GetProperty("flagged").GetBoolean(), "nobody reads her mail today");
    }

    [TestMethod]
    public async Task A_cover_that_ran_out_is_gone()
    {
        await using var api = await UnitAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
            db.Covers.Add(new Cover { Member = Karin, CoverEmail = Maja, CoverName = "Maja Eriksson", From = new(2026, 11, 20),
                To = new(2026, 11, 24), SetBy = Head, SetAt = Wednesday.AddDays(-5) });
            await db.SaveChangesAsync();
        }

        var karin = Member(await CoverageAsync(HeadOf(api)), Karin);

        Assert.AreEqual(JsonValueKind.Null, karin.GetProperty("cover").ValueKind);
        Assert.IsTrue(karin.GetProperty("flagged").GetBoolean());
        await using var check = api.Services.CreateAsyncScope();
        Assert.IsFalse(await check.ServiceProvider.GetRequiredService<KontaktlofteDb>().Covers.AnyAsync(c => c.Member == Karin), "deleted the day after");
    }

    [TestMethod]
    public async Task The_head_may_cover_a_member_herself()
    {
        await using var api = await UnitAsync();

        var set = await HeadOf(api).PutAsJsonAsync($"/api/units/mine/members/{Uri.EscapeDataString(Karin)}/cover",
            new { coverId = Head, from = "2026-11-25", to = "2026-11-25" });

        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        Assert.AreEqual("Elin Sandberg", (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cover").GetProperty("name").GetString());
    }

    [TestMethod]
    [DataRow(Karin, "2026-11-25", "2026-11-27", "coverId", "kan inte vara sin egen ersättare", DisplayName = "herself")]
    [DataRow("amina.yusuf@sandbox.botkyrka.se", "2026-11-25", "2026-11-27", "coverId", "finns inte i din enhet", DisplayName = "another unit")]
    [DataRow("vikarie@example.se", "2026-11-25", "2026-11-27", "coverId", "ingen adress i kommunen", DisplayName = "outside the municipality")]
    [DataRow("", "2026-11-25", "2026-11-27", "coverId", "Ange ersättarens id", DisplayName = "empty")]
    [DataRow(Maja, "2026-11-27", "2026-11-26", "to", "slutar innan den börjar", DisplayName = "ends before it starts")]
    [DataRow(Maja, "2026-11-20", "2026-11-24", "to", "redan slutat", DisplayName = "over already")]
    [DataRow(Maja, null, "2026-11-27", "from", "Ange from", DisplayName = "no start")]
    [DataRow(Maja, "2026-11-25", null, "to", "Ange to", DisplayName = "no end")]
    public async Task A_bad_cover_is_a_400_in_Swedish_naming_the_field(string coverId, string? from, string? to, string field, string words)
    {
        await using var api = await UnitAsync();

        var answer = await HeadOf(api).PutAsJsonAsync($"/api/units/mine/members/{Uri.EscapeDataString(Karin)}/cover", new { coverId, from, to });

        Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        StringAssert.Contains(problem.GetProperty("errors").GetProperty(field)[0].GetString(), words);
        Assert.IsFalse(Member(await CoverageAsync(HeadOf(api)), Karin).GetProperty("cover").ValueKind == JsonValueKind.Object, "nothing recorded");
    }

    [TestMethod]
    [DataRow("johan.virtanen@sandbox.botkyrka.se", DisplayName = "another unit's official")]
    [DataRow(Head, DisplayName = "the head herself")]
    [DataRow("nobody@sandbox.botkyrka.se", DisplayName = "nobody")]
    public async Task A_member_outside_the_heads_unit_is_not_found(string member)
    {
        await using var api = await UnitAsync();

        var answer = await HeadOf(api).PutAsJsonAsync($"/api/units/mine/members/{Uri.EscapeDataString(member)}/cover",
            new { coverId = Maja, from = "2026-11-25", to = "2026-11-27" });

        Assert.AreEqual(HttpStatusCode.NotFound, answer.StatusCode);
        StringAssert.Contains((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "finns inte i din enhet");
    }

    [TestMethod]
    public async Task Coverage_endpoints_refuse_officials_with_403_and_everyone_without_a_token_with_401()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial();
        var anonymous = api.CreateClient();
        foreach (var request in new Func<HttpRequestMessage>[]
                 {
                     () => new(HttpMethod.Get, "/api/units/mine/coverage"),
                     () => new(HttpMethod.Put, $"/api/units/mine/members/{Uri.EscapeDataString(Karin)}/cover")
                     {
                         Content = JsonContent.Create(new { coverId = Maja, from = "2026-11-25", to = "2026-11-27" }),
                     },
                 })
        {
            Assert.AreEqual(HttpStatusCode.Forbidden, (await hanna.SendAsync(request())).StatusCode, request().RequestUri!.ToString());
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request())).StatusCode, request().RequestUri!.ToString());
        }
    }
}
