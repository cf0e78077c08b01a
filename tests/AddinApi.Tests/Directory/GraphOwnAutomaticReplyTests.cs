using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Directory;

/// <summary>The own-automatic-reply port's Graph adapter, the real SDK against the strict fake Graph.</summary>
[TestClass]
public sealed class GraphOwnAutomaticReplyTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private FakeGraph _graph = null!;
    private FakeTokens _tokens = null!;
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _tokens = new FakeTokens();
        _api = _graph.Api(_tokens, now: Wednesday);
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [TestMethod]
    public async Task The_own_reply_is_read_from_mailbox_settings_and_checked()
    {
        _graph.OwnAutomaticReply["status"] = "alwaysEnabled";
        _graph.OwnAutomaticReply["externalReplyMessage"] = "<p>Jag är ledig.</p>";
        _graph.OwnAutomaticReply["internalReplyMessage"] = "<p>Jag är ledig. Ring Kontaktcenter, 08-530 610 00.</p>";

        var reply = await _api.Official().GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");

        Assert.IsTrue(reply.GetProperty("enabled").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, reply.GetProperty("start").ValueKind, "an old schedule means nothing while always on");
        CollectionAssert.AreEqual(new[] { CoverageRules.NoEndDate, CoverageRules.NoContact },
            reply.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToArray(), "citizens get the external text");
        Assert.HasCount(1, _graph.Where("GET", "/v1.0/me/mailboxSettings/automaticRepliesSetting"));
    }

    [TestMethod]
    public async Task A_scheduled_reply_that_has_run_out_is_off()
    {
        _graph.OwnAutomaticReply["status"] = "scheduled"; // the fake's own schedule ended 2 November

        var reply = await _api.Official().GetFromJsonAsync<JsonElement>("/api/me/automatic-reply");

        Assert.IsFalse(reply.GetProperty("enabled").GetBoolean());
        Assert.AreEqual(0, reply.GetProperty("problems").GetArrayLength());
    }

    [TestMethod]
    public async Task Setting_the_reply_patches_only_the_automatic_replies_in_utc_and_answers_what_graph_now_holds()
    {
        var answer = await _api.Official().PutAsJsonAsync("/api/me/automatic-reply",
            new { returnDate = "2026-12-07", coverId = "per.holm@botkyrka.se" });

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        var patch = _graph.Where("PATCH", "/v1.0/me/mailboxSettings").Single().Json!.AsObject();
        CollectionAssert.AreEqual(new[] { "automaticRepliesSetting" }, patch.Select(p => p.Key).Where(k => !k.StartsWith('@')).ToArray(),
            "time zone, working hours and language stay as the official has them");
        var setting = patch["automaticRepliesSetting"]!;
        Assert.AreEqual("scheduled", setting["status"]!.GetValue<string>());
        Assert.AreEqual("all", setting["externalAudience"]!.GetValue<string>());
        Assert.AreEqual("2026-12-02T08:00:00.0000000", setting["scheduledStartDateTime"]!["dateTime"]!.GetValue<string>());
        Assert.AreEqual("2026-12-06T23:00:00.0000000", setting["scheduledEndDateTime"]!["dateTime"]!.GetValue<string>(), "midnight in Stockholm");
        Assert.AreEqual("UTC", setting["scheduledEndDateTime"]!["timeZone"]!.GetValue<string>());
        var text = setting["externalReplyMessage"]!.GetValue<string>();
        Assert.AreEqual(text, setting["internalReplyMessage"]!.GetValue<string>());
        StringAssert.Contains(text, "Per Holm, 08-530 612 77, per.holm@botkyrka.se");
        var reply = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("scheduled", reply.GetProperty("status").GetString());
        Assert.AreEqual(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero), reply.GetProperty("end").GetDateTimeOffset());
        Assert.AreEqual(0, reply.GetProperty("problems").GetArrayLength());
        Assert.IsTrue(_tokens.UserScopes.Any(s => s.Contains("https://graph.microsoft.com/MailboxSettings.ReadWrite")),
            "the token is asked for with MailboxSettings.ReadWrite");
    }

    [TestMethod]
    public async Task Without_write_consent_the_official_gets_a_refusal_not_a_server_error()
    {
        _graph.MailboxSettingsReadOnly = true;

        var answer = await _api.Official().PutAsJsonAsync("/api/me/automatic-reply", new { returnDate = "2026-12-07" });

        Assert.AreEqual(HttpStatusCode.Forbidden, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> PatchFakeAsync(object setting)
    {
        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Patch, _graph.BaseUrl + "/v1.0/me/mailboxSettings")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { automaticRepliesSetting = setting }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "fake-graph-token");
        return await client.SendAsync(request);
    }

    private static object Time(string dateTime, string zone = "UTC") => new { dateTime, timeZone = zone };

    [TestMethod]
    [DataRow("enabled", "2026-12-02T08:00:00", "2026-12-06T23:00:00", "UTC", DisplayName = "a status Graph does not know")]
    [DataRow("scheduled", "2026-12-02T08:00:00", null, "UTC", DisplayName = "scheduled without an end")]
    [DataRow("scheduled", null, "2026-12-06T23:00:00", "UTC", DisplayName = "scheduled without a start")]
    [DataRow("scheduled", "2026-12-02T08:00:00Z", "2026-12-06T23:00:00", "UTC", DisplayName = "a dateTime with Z")]
    [DataRow("scheduled", "2026-12-02T08:00:00", "2026-12-07T00:00:00+01:00", "UTC", DisplayName = "a dateTime with an offset")]
    [DataRow("scheduled", "2026-12-02T08:00:00", "2026-12-06T23:00:00", "Mars/Olympus", DisplayName = "a time zone nobody knows")]
    [DataRow("scheduled", "2026-12-06T23:00:00", "2026-12-02T08:00:00", "UTC", DisplayName = "ending before it starts")]
    public async Task The_fake_graph_refuses_what_graph_refuses(string status, string? start, string? end, string zone)
    {
        var answer = await PatchFakeAsync(new
        {
            status, externalAudience = "all", internalReplyMessage = "x", externalReplyMessage = "x",
            scheduledStartDateTime = start is null ? null : Time(start, zone),
            scheduledEndDateTime = end is null ? null : Time(end, zone),
        });

        Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.IsNotNull(JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.AreEqual("disabled", _graph.OwnAutomaticReply["status"]!.GetValue<string>(), "nothing changed");
    }

    [TestMethod]
    public async Task The_fake_graph_refuses_an_unknown_property_and_keeps_a_valid_schedule_in_utc()
    {
        Assert.AreEqual(HttpStatusCode.BadRequest, (await PatchFakeAsync(new { status = "disabled", replyMessage = "x" })).StatusCode);

        var answer = await PatchFakeAsync(new
        {
            status = "scheduled", scheduledStartDateTime = Time("2026-12-02T09:00:00", "W. Europe Standard Time"),
            scheduledEndDateTime = Time("2026-12-07T00:00:00", "Europe/Stockholm"),
        });

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        Assert.AreEqual("2026-12-06T23:00:00.0000000", _graph.OwnAutomaticReply["scheduledEndDateTime"]!["dateTime"]!.GetValue<string>());
        Assert.AreEqual("UTC", _graph.OwnAutomaticReply["scheduledEndDateTime"]!["timeZone"]!.GetValue<string>());
    }
}
