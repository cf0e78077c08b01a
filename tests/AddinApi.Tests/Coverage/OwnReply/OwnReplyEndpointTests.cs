using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Coverage.OwnReply;

/// <summary>
/// The official's own automatic reply over the sandbox: Rasmus Ekström's reply is on, names nobody and never ends; Hanna
/// Lindqvist's is off. Wednesday 2 December 2026, 09:00 in Stockholm.
/// </summary>
[TestClass]
public sealed class OwnReplyEndpointTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private const string Rasmus = "registrator@sandbox.botkyrka.se";
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";
    private const string Sofia = "sofia.ahmed@sandbox.botkyrka.se";

    private static KontaktlofteFactory Api(Dictionary<string, string?>? settings = null) => new(now: Wednesday, settings: settings);

    private static object Choice(string returnDate, string? coverId = null, string? start = null) => new { returnDate, coverId, start };

    [TestMethod]
    public async Task A_reply_that_names_nobody_and_never_ends_has_both_problems_and_offers_the_next_working_day()
    {
        await using var api = Api();

        var reply = await api.SandboxOfficial(Rasmus).GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");

        Assert.IsTrue(reply.GetProperty("enabled").GetBoolean());
        Assert.AreEqual("alwaysEnabled", reply.GetProperty("status").GetString());
        Assert.AreEqual(JsonValueKind.Null, reply.GetProperty("end").ValueKind);
        Assert.IsFalse(reply.GetProperty("namesContact").GetBoolean());
        CollectionAssert.AreEqual(new[] { CoverageRules.NoEndDate, CoverageRules.NoContact },
            reply.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToArray());
        Assert.AreEqual("2026-12-03", reply.GetProperty("suggestedReturnDate").GetString());
        Assert.AreEqual("2027-12-02", reply.GetProperty("latestReturnDate").GetString());
    }

    [TestMethod]
    public async Task A_reply_that_is_off_has_no_problems()
    {
        await using var api = Api();

        var reply = await api.SandboxOfficial(Hanna).GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");

        Assert.IsFalse(reply.GetProperty("enabled").GetBoolean());
        Assert.AreEqual("disabled", reply.GetProperty("status").GetString());
        Assert.AreEqual(0, reply.GetProperty("problems").GetArrayLength());
    }

    [TestMethod]
    public async Task The_preview_fills_in_the_return_date_and_the_colleague_and_changes_nothing()
    {
        await using var api = Api();
        var rasmus = api.SandboxOfficial(Rasmus);

        var answer = await rasmus.PostAsJsonAsync("/api/me/automatic-reply/preview", Choice("2026-12-07", Sofia));

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        var preview = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var text = preview.GetProperty("externalReplyMessage").GetString()!;
        Assert.AreEqual(text, preview.GetProperty("internalReplyMessage").GetString());
        StringAssert.Contains(text, "Jag är tillbaka måndag 7 december 2026.");
        StringAssert.Contains(text, "Sofia Ahmed, 08-530 612 78, sofia.ahmed@sandbox.botkyrka.se");
        StringAssert.Contains(text, "Kontaktcenter på 08-530 610 00");
        StringAssert.Contains(text, "Rasmus Ekström");
        Assert.AreEqual(Wednesday, preview.GetProperty("start").GetDateTimeOffset(), "from now");
        Assert.AreEqual(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(1)), preview.GetProperty("end").GetDateTimeOffset(),
            "ends as the return day begins in Stockholm");
        Assert.AreEqual("Sofia Ahmed", preview.GetProperty("cover").GetProperty("name").GetString());
        var still = await rasmus.GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");
        Assert.AreEqual("alwaysEnabled", still.GetProperty("status").GetString(), "a preview changes nothing");
    }

    [TestMethod]
    public async Task Without_a_colleague_the_reply_names_kontaktcenter_alone()
    {
        await using var api = Api();

        var preview = await api.SandboxOfficial(Rasmus).PostAsJsonAsync("/api/me/automatic-reply/preview", Choice("2026-12-07"))
            .Result.Content.ReadFromJsonAsync<JsonElement>();

        var text = preview.GetProperty("externalReplyMessage").GetString()!;
        StringAssert.Contains(text, "Ring Kontaktcenter på 08-530 610 00 eller mejla kontaktcenter@botkyrka.se.");
        Assert.IsFalse(text.Contains("kollega", StringComparison.Ordinal));
        Assert.AreEqual(JsonValueKind.Null, preview.GetProperty("cover").ValueKind);
    }

    [TestMethod]
    public async Task Setting_the_reply_schedules_it_until_the_return_day_answers_it_right_and_audits_without_text()
    {
        await using var api = Api();
        var rasmus = api.SandboxOfficial(Rasmus);

        var answer = await rasmus.PutAsJsonAsync("/api/me/automatic-reply", Choice("2026-12-07", Sofia));

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        var reply = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsTrue(reply.GetProperty("enabled").GetBoolean());
        Assert.AreEqual("scheduled", reply.GetProperty("status").GetString());
        Assert.AreEqual(Wednesday, reply.GetProperty("start").GetDateTimeOffset());
        Assert.AreEqual(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(1)), reply.GetProperty("end").GetDateTimeOffset());
        Assert.IsTrue(reply.GetProperty("namesContact").GetBoolean());
        Assert.AreEqual(0, reply.GetProperty("problems").GetArrayLength());
        Assert.AreEqual("2026-12-07", reply.GetProperty("suggestedReturnDate").GetString(), "the form offers the day it ends next time");
        var again = await rasmus.GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");
        Assert.AreEqual("scheduled", again.GetProperty("status").GetString(), "kept");

        await using var scope = api.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().AuditEvents.AsNoTracking()
            .Where(a => a.Action == "autoreply.set").ToListAsync();
        var line = audit.Single();
        Assert.AreEqual(Rasmus, line.Actor);
        Assert.AreEqual(Rasmus, line.Target);
        Assert.AreEqual($"start=2026-12-02T08:00:00Z; end=2026-12-06T23:00:00Z; returnDate=2026-12-07; cover={Sofia}", line.Details);
    }

    [TestMethod]
    public async Task The_unit_heads_overview_sees_the_reply_an_official_set()
    {
        await using var api = Api();
        var head = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        JsonElement HannaIn(JsonElement coverage) => coverage.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("email").GetString() == Hanna);
        Assert.IsFalse(HannaIn(await head.GetFromJsonAsync<JsonElement>("/api/units/mine/coverage")).GetProperty("autoReply").GetProperty("enabled").GetBoolean());

        (await api.SandboxOfficial(Hanna).PutAsJsonAsync("/api/me/automatic-reply", Choice("2026-12-04", Sofia))).EnsureSuccessStatusCode();

        var seen = HannaIn(await head.GetFromJsonAsync<JsonElement>("/api/units/mine/coverage")).GetProperty("autoReply");
        Assert.IsTrue(seen.GetProperty("enabled").GetBoolean());
        Assert.IsTrue(seen.GetProperty("away").GetBoolean());
        Assert.IsTrue(seen.GetProperty("namesContact").GetBoolean());
        Assert.AreEqual(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(1)), seen.GetProperty("end").GetDateTimeOffset());
        Assert.AreEqual(0, seen.GetProperty("problems").GetArrayLength());
    }

    [TestMethod]
    [DataRow("2026-12-01", null, "returnDate", DisplayName = "return date yesterday")]
    [DataRow("2026-12-02", null, "returnDate", DisplayName = "return date today: it would end before it began")]
    [DataRow("2026-12-03", null, null, DisplayName = "return date tomorrow")]
    [DataRow("2027-12-02", null, null, DisplayName = "return date a year ahead, the last day allowed")]
    [DataRow("2027-12-03", null, "returnDate", DisplayName = "a day beyond")]
    [DataRow("2026-12-10", "2026-12-01", "start", DisplayName = "first day away yesterday")]
    [DataRow("2026-12-10", "2026-12-02", null, DisplayName = "first day away today")]
    [DataRow("2026-12-10", "2026-12-09", null, DisplayName = "first day away the day before the return")]
    [DataRow("2026-12-10", "2026-12-10", "returnDate", DisplayName = "first day away the return day")]
    public async Task Dates_are_checked_at_both_sides_of_each_limit(string returnDate, string? start, string? refusedField)
    {
        await using var api = Api();
        var rasmus = api.SandboxOfficial(Rasmus);

        foreach (var answer in new[]
                 {
                     await rasmus.PostAsJsonAsync("/api/me/automatic-reply/preview", Choice(returnDate, null, start)),
                     await rasmus.PutAsJsonAsync("/api/me/automatic-reply", Choice(returnDate, null, start)),
                 })
        {
            var body = await answer.Content.ReadAsStringAsync();
            if (refusedField is null)
            {
                Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, body);
                continue;
            }
            Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode, body);
            var problem = JsonDocument.Parse(body).RootElement;
            var message = problem.GetProperty("errors").GetProperty(refusedField)[0].GetString()!;
            StringAssert.Matches(message, new System.Text.RegularExpressions.Regex("dag"), "in Swedish: " + message);
        }
    }

    [TestMethod]
    public async Task A_first_day_later_than_today_starts_the_reply_as_that_day_begins()
    {
        await using var api = Api();

        var preview = await (await api.SandboxOfficial(Rasmus).PostAsJsonAsync("/api/me/automatic-reply/preview", Choice("2026-12-10", null, "2026-12-07")))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.AreEqual(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(1)), preview.GetProperty("start").GetDateTimeOffset());
    }

    [TestMethod]
    [DataRow(null, "returnDate", DisplayName = "no return date")]
    [DataRow("nobody.here@sandbox.botkyrka.se", "coverId", DisplayName = "a colleague the directory does not know")]
    [DataRow(Rasmus, "coverId", DisplayName = "oneself")]
    public async Task Unknown_choices_are_refused_in_swedish_at_their_field(string? coverId, string field)
    {
        await using var api = Api();
        object choice = field == "returnDate" ? new { coverId = (string?)null } : Choice("2026-12-07", coverId);

        var answer = await api.SandboxOfficial(Rasmus).PutAsJsonAsync("/api/me/automatic-reply", choice);

        Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsGreaterThan(10, problem.GetProperty("errors").GetProperty(field)[0].GetString()!.Length);
        var still = await api.SandboxOfficial(Rasmus).GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");
        Assert.AreEqual("alwaysEnabled", still.GetProperty("status").GetString(), "nothing set");
    }

    [TestMethod]
    public async Task An_empty_colleague_means_kontaktcenter_alone()
    {
        await using var api = Api();

        var answer = await api.SandboxOfficial(Rasmus).PostAsJsonAsync("/api/me/automatic-reply/preview", Choice("2026-12-07", " "));

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.AreEqual(JsonValueKind.Null, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cover").ValueKind);
    }

    [TestMethod]
    public async Task The_configured_template_is_the_one_filled_in()
    {
        await using var api = Api(new() { ["AutomaticReply:WithoutCover"] = "<p>Tillbaka {returnDate}. Ring {contactCentrePhone}. {unknown}</p>" });

        var preview = await (await api.SandboxOfficial(Rasmus).PostAsJsonAsync("/api/me/automatic-reply/preview", Choice("2026-12-07")))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.AreEqual("<p>Tillbaka måndag 7 december 2026. Ring 08-530 610 00. {unknown}</p>", preview.GetProperty("externalReplyMessage").GetString());
    }

    [TestMethod]
    public async Task Own_reply_endpoints_refuse_without_the_official_role_with_403_and_without_a_token_with_401()
    {
        await using var api = Api();
        var registrarOnly = api.ClientAs(Roles.Registrator);
        var anonymous = api.CreateClient();
        Func<HttpRequestMessage>[] requests =
        [
            () => new HttpRequestMessage(HttpMethod.Get, "/api/me/automatic-reply"),
            () => new HttpRequestMessage(HttpMethod.Post, "/api/me/automatic-reply/preview") { Content = JsonContent.Create(Choice("2026-12-07")) },
            () => new HttpRequestMessage(HttpMethod.Put, "/api/me/automatic-reply") { Content = JsonContent.Create(Choice("2026-12-07")) },
        ];
        foreach (var request in requests)
        {
            Assert.AreEqual(HttpStatusCode.Forbidden, (await registrarOnly.SendAsync(request())).StatusCode, request().RequestUri!.ToString());
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request())).StatusCode, request().RequestUri!.ToString());
        }
    }
}
