using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Directory;

/// <summary>The directory port's Graph adapter against the fake Graph: exact requests, Graph's own answer shapes.</summary>
[TestClass]
public sealed class GraphDirectoryTests
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
    public async Task Colleague_search_asks_the_whole_organisation_with_an_advanced_query()
    {
        var found = await _api.Official().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=amin");

        var person = found!.Single();
        Assert.AreEqual("Amina Yusuf", person.GetProperty("name").GetString());
        Assert.AreEqual("Kundtjänstmedarbetare", person.GetProperty("title").GetString());
        Assert.AreEqual("08-530 610 21", person.GetProperty("phone").GetString());
        var request = _graph.Where("GET", "/v1.0/users").Single();
        Assert.AreEqual("eventual", request.Headers["ConsistencyLevel"]);
        StringAssert.Contains(request.Query, "$search=\"displayName:amin\" OR \"mail:amin\"");
        StringAssert.Contains(request.Query, "$top=20");
        StringAssert.Contains(request.Query, "jobTitle");
    }

    [TestMethod]
    public async Task A_quote_in_the_search_cannot_break_out_of_the_search_clause()
    {
        var found = await _api.Official().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=" + Uri.EscapeDataString("per\" OR \"mail:"));

        Assert.AreEqual(JsonValueKind.Array, JsonSerializer.SerializeToElement(found).ValueKind);
        var query = _graph.Where("GET", "/v1.0/users").Single().Query;
        Assert.AreEqual(4, query.Count(c => c == '"'), "only the two clauses' own quotes: " + query);
    }

    [TestMethod]
    public async Task A_colleague_without_title_or_phone_in_the_directory_comes_with_empty_fields()
    {
        var found = await _api.Official().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=petra");

        Assert.AreEqual("", found!.Single().GetProperty("title").GetString());
        Assert.AreEqual("", found!.Single().GetProperty("phone").GetString());
    }

    [TestMethod]
    public async Task Direct_reports_and_automatic_replies_come_from_graph()
    {
        _graph.AutomaticReplies["per.holm@botkyrka.se"] = "<p>Jag är ledig till och med 7 december.</p>";
        await using var scope = _api.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<AddinApi.Directory.IDirectory>();
        var user = new System.Security.Claims.ClaimsPrincipal();

        var reports = await directory.DirectReportsAsync(user, CancellationToken.None);
        var replies = await directory.AutomaticRepliesAsync(user, ["per.holm@botkyrka.se", "amina.yusuf@botkyrka.se"], CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "amina.yusuf@botkyrka.se", "per.holm@botkyrka.se" }, reports.Select(r => r.Email).ToArray());
        Assert.IsTrue(replies[0].Enabled);
        Assert.AreEqual(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero), replies[0].End);
        Assert.IsFalse(replies[1].Enabled, "an empty message means no automatic reply");
        var tips = _graph.Where("POST", "/v1.0/me/getMailTips").Single().Json!;
        Assert.AreEqual("automaticReplies", tips["MailTipsOptions"]!.GetValue<string>());
        Assert.AreEqual(2, tips["EmailAddresses"]!.AsArray().Count);
    }

    [TestMethod]
    public async Task Direct_reports_follow_the_next_link_to_the_last_page()
    {
        // Graph may answer fewer than $top a page: a unit head's 101 members in pages of 40 are three calls, all members.
        _graph.DirectReports = FakeGraph.Unit(101);
        _graph.DirectReportsPageLimit = 40;
        await using var scope = _api.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<AddinApi.Directory.IDirectory>();

        var reports = await directory.DirectReportsAsync(new System.Security.Claims.ClaimsPrincipal(), CancellationToken.None);

        Assert.HasCount(101, reports);
        Assert.HasCount(101, reports.Select(r => r.Email).Distinct());
        var pages = _graph.Where("GET", "/v1.0/me/directReports/graph.user");
        Assert.HasCount(3, pages);
        StringAssert.Contains(pages[0].Query, "$top=999");
        StringAssert.Contains(pages[2].Query, "$skiptoken=80");
    }

    [TestMethod]
    public async Task Automatic_replies_of_250_mailboxes_are_three_calls_of_at_most_100()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<AddinApi.Directory.IDirectory>();
        var addresses = Enumerable.Range(1, 250).Select(i => $"medarbetare{i:000}@botkyrka.se").ToList();

        var replies = await directory.AutomaticRepliesAsync(new System.Security.Claims.ClaimsPrincipal(), addresses, CancellationToken.None);

        CollectionAssert.AreEqual(addresses, replies.Select(r => r.Email).ToList(), "one each, in the same order");
        CollectionAssert.AreEqual(new[] { 100, 100, 50 },
            _graph.Where("POST", "/v1.0/me/getMailTips").Select(t => t.Json!["EmailAddresses"]!.AsArray().Count).ToArray());
    }
}
