using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>
/// What a unit head's coverage costs in Graph, against the fake Graph (as strict as Graph: at most 100 addresses per
/// getMailTips): the head's profile, the direct reports (one page up to 999), and one mail-tips call per 100 members —
/// never one call per member.
/// </summary>
[TestClass]
public sealed class CoverageGraphCostTests
{
    private FakeGraph _graph = null!;
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _api = _graph.Api();
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [TestMethod]
    [DataRow(8)]
    [DataRow(100)]
    [DataRow(101)]
    [DataRow(250)]
    public async Task A_unit_of_n_members_costs_at_most_one_call_per_hundred_and_two(int n)
    {
        _graph.DirectReports = FakeGraph.Unit(n);
        _graph.AutomaticReplies["medarbetare001@botkyrka.se"] = "<p>Jag är ledig. Ring Kontaktcenter, 08-530 610 00.</p>";
        var head = _api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "chef@botkyrka.se");

        var coverage = await head.GetFromJsonAsync<JsonElement>("/api/units/mine/coverage");

        var members = coverage.GetProperty("members").EnumerateArray().ToList();
        Assert.HasCount(n, members);
        var first = members.Single(m => m.GetProperty("email").GetString() == "medarbetare001@botkyrka.se").GetProperty("autoReply");
        Assert.IsTrue(first.GetProperty("enabled").GetBoolean());
        Assert.IsTrue(first.GetProperty("namesContact").GetBoolean());
        var hundreds = (n + 99) / 100;
        var calls = _graph.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.IsLessThanOrEqualTo(hundreds + 2, calls.Count, string.Join("; ", calls));
        var tips = _graph.Where("POST", "/v1.0/me/getMailTips");
        Assert.HasCount(hundreds, tips);
        var asked = tips.SelectMany(t => t.Json!["EmailAddresses"]!.AsArray().Select(a => a!.GetValue<string>())).ToList();
        Assert.HasCount(n, asked.Distinct(), "every member asked once");
        Assert.HasCount(n, asked);
        Assert.HasCount(1, _graph.Where("GET", "/v1.0/me/directReports/graph.user"));
    }
}
