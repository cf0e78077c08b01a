using System.Net;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>
/// The Monday digest's Graph path, against the fake Graph: the coverage view starts the head's long-running session (one
/// token exchange), and the background reads the automatic replies with it through getMailTips, as the head.
/// </summary>
[TestClass]
public sealed class HeadDigestGraphTests
{
    private FakeGraph _graph = null!;
    private FakeTokens _tokens = null!;
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _tokens = new FakeTokens();
        _api = _graph.Api(_tokens);
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [TestMethod]
    public async Task The_coverage_view_keeps_the_heads_session_and_the_background_reads_replies_with_it()
    {
        _graph.DirectReports = FakeGraph.Unit(3);
        _graph.AutomaticReplies["medarbetare002@botkyrka.se"] = "<p>Jag är ledig. Ring Kontaktcenter, 08-530 610 00.</p>";
        var head = _api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "chef@botkyrka.se");

        Assert.AreEqual(HttpStatusCode.OK, (await head.GetAsync("/api/units/mine/coverage")).StatusCode);

        await using var scope = _api.Services.CreateAsyncScope();
        var known = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<UnitHead>().AsNoTracking().SingleAsync();
        Assert.AreEqual(FakeTokens.SessionKey, known.SessionKey);
        Assert.HasCount(3, known.Members);

        var before = _graph.Where("POST", "/v1.0/me/getMailTips").Count;
        var replies = await scope.ServiceProvider.GetRequiredService<IDirectory>()
            .AutomaticRepliesInBackgroundAsync(known.SessionKey, known.Members, CancellationToken.None);

        CollectionAssert.Contains(_tokens.SessionKeysUsed.ToList(), FakeTokens.SessionKey, "the session, not a user on the line");
        var tips = _graph.Where("POST", "/v1.0/me/getMailTips");
        Assert.HasCount(before + 1, tips);
        Assert.AreEqual("automaticReplies", tips.Last().Json!["MailTipsOptions"]!.GetValue<string>());
        Assert.IsTrue(replies.Single(r => r.Email == "medarbetare002@botkyrka.se").Enabled);
        Assert.IsFalse(replies.Single(r => r.Email == "medarbetare001@botkyrka.se").Enabled);
    }

    [TestMethod]
    public async Task The_coverage_view_starts_at_most_one_session_a_day()
    {
        var head = _api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "chef@botkyrka.se");

        Assert.AreEqual(HttpStatusCode.OK, (await head.GetAsync("/api/units/mine/coverage")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await head.GetAsync("/api/units/mine/coverage")).StatusCode);

        Assert.AreEqual(1, _tokens.SessionsStarted);
    }

    [TestMethod]
    public async Task Without_a_session_or_with_one_gone_the_background_read_asks_for_a_new_sign_in()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();

        await Assert.ThrowsExactlyAsync<MailboxSignInRequiredException>(() =>
            directory.AutomaticRepliesInBackgroundAsync(null, ["per.holm@botkyrka.se"], CancellationToken.None));
        await Assert.ThrowsExactlyAsync<MailboxSignInRequiredException>(() =>
            directory.AutomaticRepliesInBackgroundAsync("obo-session-gone", ["per.holm@botkyrka.se"], CancellationToken.None));
        Assert.IsEmpty(_graph.Where("POST", "/v1.0/me/getMailTips"), "no call without a token");
    }
}
