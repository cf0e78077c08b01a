using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// The watcher against the fake Graph: delta queries as the application, page by page to the deltaLink, kept per
/// mailbox and folder; one request per mailbox and folder when nothing is new; a lost sync state and a mailbox outside
/// the app's scope handled without duplicates or a crash.
/// </summary>
[TestClass]
public sealed class GraphWatcherTests
{
    private const string Bygglov = "bygglov@botkyrka.se";
    private const string Info = "info@botkyrka.se";
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    private FakeGraph _graph = null!;
    private FakeTokens _tokens = null!;
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _tokens = new FakeTokens();
        // The watcher's rounds are driven by the test (RoundAsync), not by its timer.
        _api = new KontaktlofteFactory(now: Monday, settings: new()
        {
            ["Mailbox:Adapter"] = "Graph",
            ["Graph:BaseUrl"] = _graph.BaseUrl + "/v1.0",
            ["Graph:MaxRetries"] = "0",
            ["Watcher:FunctionMailboxes:0"] = Bygglov,
            ["Watcher:FunctionMailboxes:1"] = Info,
        }, services: s => s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(_tokens)));
        _ = _api.CreateClient();
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private void Arrive(int count, string mailbox, string prefix)
    {
        for (var i = 0; i < count; i++)
            _graph.AddMessage($"AAMk{prefix}{i:000}=", $"Fråga {i}", $"<p>Hej! Hur söker jag bygglov för ett plank, nummer {i}?</p>",
                Monday.AddMinutes(-i), $"AAQk{prefix}{i:000}=", from: $"invanare{i}@example.se", mailbox: mailbox);
    }

    private Task RoundAsync() => _api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

    private async Task<List<TrackedMessage>> TrackedAsync()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.AsNoTracking().ToListAsync();
    }

    private List<GraphRequest> DeltaRequests(string mailbox, string folder) =>
        _graph.Requests.Where(r => r.Path.StartsWith($"/v1.0/users/{mailbox}/mailFolders/{folder}/messages/delta", StringComparison.OrdinalIgnoreCase)).ToList();

    [TestMethod]
    public async Task New_mail_in_two_mailboxes_is_tracked_once_page_by_page_as_the_application()
    {
        Arrive(120, Bygglov, "B");
        Arrive(3, Info, "I");

        await RoundAsync();

        var tracked = await TrackedAsync();
        Assert.AreEqual(120, tracked.Count(m => m.Mailbox == Bygglov));
        Assert.AreEqual(3, tracked.Count(m => m.Mailbox == Info));
        Assert.IsTrue(tracked.All(m => m.Category == MessageCategory.Question && m.DueDate == new DateOnly(2026, 12, 2)));
        var pages = DeltaRequests(Bygglov, "inbox");
        Assert.HasCount(3, pages, "50 + 50 + 20, through the nextLinks");
        StringAssert.Contains(pages[0].Query, "$select=id,internetMessageId,conversationId,from,replyTo,subject,body,receivedDateTime,categories,internetMessageHeaders,webLink");
        StringAssert.Contains(pages[0].Headers["Prefer"], "odata.maxpagesize=50");
        StringAssert.Contains(pages[0].Headers["Prefer"], "IdType=\"ImmutableId\"");
        Assert.AreEqual("Bearer fake-app-token", pages[0].Headers["Authorization"]);
        CollectionAssert.Contains(_tokens.AppScopes.ToList(), "https://graph.microsoft.com/.default");
    }

    [TestMethod]
    public async Task When_nothing_is_new_a_round_costs_one_request_per_mailbox_and_folder()
    {
        Arrive(5, Bygglov, "B");
        await RoundAsync();
        var before = _graph.Requests.Count;

        await RoundAsync();

        var requests = _graph.Requests.Skip(before).ToList();
        Assert.HasCount(1, requests.Where(r => r.Path.Contains($"/users/{Bygglov}/mailFolders/inbox", StringComparison.Ordinal)).ToList());
        Assert.HasCount(1, requests.Where(r => r.Path.Contains($"/users/{Bygglov}/mailFolders/sentitems", StringComparison.Ordinal)).ToList());
        Assert.IsTrue(requests.All(r => r.Path.Contains("/messages/delta", StringComparison.Ordinal)), "no request per message");
        StringAssert.Contains(requests.First(r => r.Path.Contains(Bygglov, StringComparison.Ordinal)).Query, "$deltatoken=", "continues from the kept deltaLink");
        Assert.HasCount(5, await TrackedAsync());
    }

    [TestMethod]
    public async Task A_lost_sync_state_is_a_full_round_without_duplicates()
    {
        Arrive(5, Bygglov, "B");
        await RoundAsync();
        Arrive(2, Bygglov, "N");
        _graph.ExpireDeltaTokensOnce = true;

        await RoundAsync();

        var tracked = await TrackedAsync();
        Assert.AreEqual(7, tracked.Count(m => m.Mailbox == Bygglov), "the two new ones tracked, the five old ones not again");
        Assert.AreEqual(7, tracked.Select(m => m.Id).Distinct().Count());
    }

    [TestMethod]
    public async Task A_mailbox_outside_the_apps_scope_is_skipped_and_the_others_are_watched()
    {
        Arrive(2, Bygglov, "B");
        Arrive(2, Info, "I");
        _graph.OutOfScope[Info] = true;

        await RoundAsync();

        var tracked = await TrackedAsync();
        Assert.AreEqual(2, tracked.Count(m => m.Mailbox == Bygglov));
        Assert.AreEqual(0, tracked.Count(m => m.Mailbox == Info));
    }

    [TestMethod]
    public async Task A_reply_in_sent_items_answers_the_conversation_but_a_receipt_does_not()
    {
        Arrive(2, Bygglov, "B");
        await RoundAsync();
        _graph.AddMessage("AAMkSvar=", "SV: Fråga 0", "<p>Svar</p>", Monday.AddHours(1), "AAQkB000=", mailbox: Bygglov);
        _graph.Message("AAMkSvar=")["sentDateTime"] = Monday.AddHours(1).ToString("o");
        _graph.Touch("AAMkSvar=");

        await RoundAsync();

        var tracked = await TrackedAsync();
        Assert.AreEqual(Monday.AddHours(1), tracked.Single(m => m.Id == "AAMkB000=").AnsweredAt);
        Assert.IsNull(tracked.Single(m => m.Id == "AAMkB001=").AnsweredAt, "another conversation");
        Assert.IsFalse(tracked.Any(m => m.Id == "AAMkSvar="), "a sent mail is not tracked as arrived mail");
    }

    [TestMethod]
    public async Task Each_citizen_mail_gets_exactly_one_promise_category_and_keeps_the_officials_own()
    {
        _graph.AddMessage("AAMkNew=", "Fråga", "<p>Hur söker jag bygglov för en altan?</p>", Monday.AddHours(-1), "AAQkA=", from: "a@example.se", mailbox: Bygglov);
        _graph.AddMessage("AAMkToday=", "Fråga", "<p>Hur söker jag bygglov för ett staket?</p>", new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1)),
            "AAQkB=", from: "b@example.se", mailbox: Bygglov);
        _graph.AddMessage("AAMkLate=", "Fråga", "<p>Hur söker jag bygglov för en pool?</p>", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1)),
            "AAQkC=", from: "c@example.se", mailbox: Bygglov);
        _graph.AddMessage("AAMkColleague=", "Möte", "<p>Ses vi i morgon?</p>", Monday.AddHours(-2), "AAQkD=", from: "per.holm@botkyrka.se", mailbox: Bygglov);
        _graph.Message("AAMkLate=")["categories"] = new System.Text.Json.Nodes.JsonArray("Viktigt");

        await RoundAsync();
        await RoundAsync(); // a second round changes nothing

        string[] Categories(string id) => _graph.Message(id)["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        CollectionAssert.AreEqual(new[] { "Kontaktlöfte: öppet" }, Categories("AAMkNew="), "due Wednesday");
        CollectionAssert.AreEqual(new[] { "Kontaktlöfte: svara i dag" }, Categories("AAMkToday="), "due Monday, today");
        CollectionAssert.AreEqual(new[] { "Viktigt", "Kontaktlöfte: försenat" }, Categories("AAMkLate="), "the official's own category stays");
        Assert.IsEmpty(Categories("AAMkColleague="), "internal mail gets none");
        CollectionAssert.AreEquivalent(new[] { "Kontaktlöfte: försenat", "Kontaktlöfte: svara i dag", "Kontaktlöfte: öppet", "Kontaktlöfte: bekräftat", "Kontaktlöfte: besvarat" },
            _graph.MasterCategories[Bygglov].Select(c => c["displayName"]!.GetValue<string>()).ToArray());
        Assert.AreEqual(1, _graph.BatchRequests, "the three labels in one $batch, none in the second round");
        Assert.HasCount(3, _graph.BatchSteps.Where(r => r.Method == "PATCH").ToList(), "one PATCH per label set");
    }

    [TestMethod]
    public async Task A_round_broken_off_mid_way_resumes_at_the_page_it_reached_without_duplicates()
    {
        Arrive(120, Bygglov, "B");
        _graph.FailNextPageOnce = true;

        await RoundAsync(); // page 1 tracked, page 2 fails: the mailbox waits for the next round
        Assert.AreEqual(50, (await TrackedAsync()).Count(m => m.Mailbox == Bygglov));
        var before = DeltaRequests(Bygglov, "inbox").Count;

        await RoundAsync();

        var tracked = await TrackedAsync();
        Assert.AreEqual(120, tracked.Count(m => m.Mailbox == Bygglov));
        Assert.AreEqual(tracked.Count, tracked.Select(m => m.Id).Distinct().Count());
        var resumed = DeltaRequests(Bygglov, "inbox").Skip(before).ToList();
        StringAssert.Contains(resumed[0].Query, "$skiptoken=", "from the page it reached, not from the start");
    }

    [TestMethod]
    public async Task A_mail_moved_out_of_the_inbox_stays_tracked_and_the_round_goes_on()
    {
        Arrive(3, Bygglov, "B");
        await RoundAsync();
        _graph.MoveOut("AAMkB001=");
        Arrive(1, Bygglov, "N");

        await RoundAsync();

        var tracked = await TrackedAsync();
        Assert.AreEqual(4, tracked.Count(m => m.Mailbox == Bygglov), "filed in another folder it is still unanswered citizen mail");
        Assert.IsNull(tracked.Single(m => m.Id == "AAMkB001=").AnsweredAt);
    }

    [TestMethod]
    public async Task A_first_round_tracks_the_last_two_weeks_not_years_of_inbox_but_later_rounds_track_all_that_arrives()
    {
        _graph.AddMessage("AAMkOld=", "Gammal fråga", "<p>Hur söker jag bygglov?</p>", Monday.AddDays(-15), "AAQkOld=", mailbox: Bygglov);
        _graph.AddMessage("AAMkRecent=", "Ny fråga", "<p>Hur söker jag bygglov?</p>", Monday.AddDays(-13), "AAQkRecent=", mailbox: Bygglov);

        await RoundAsync();
        _graph.AddMessage("AAMkLateArrival=", "Försenad leverans", "<p>Hur söker jag bygglov?</p>", Monday.AddDays(-20), "AAQkLate=", mailbox: Bygglov);
        await RoundAsync();

        var ids = (await TrackedAsync()).Select(m => m.Id).ToList();
        CollectionAssert.DoesNotContain(ids, "AAMkOld=", "15 days old at the first round: not new to the promise");
        CollectionAssert.Contains(ids, "AAMkRecent=");
        CollectionAssert.Contains(ids, "AAMkLateArrival=", "after the first round, whatever arrives is new");
    }

    [TestMethod]
    public async Task Meeting_mail_in_the_delta_is_automatic_and_unlabelled_while_the_citizen_mail_beside_it_is_tracked()
    {
        // Graph's eventMessage types, with subjects and texts no automatic-mail rule knows: only the type tells.
        _graph.AddEventMessage("AAMkInvite=", "meetingRequest", "Möte om bygglovet för Tumba 3:12",
            "<p>Hej! Välkommen till ett möte om ert bygglov på torsdag.</p>", Monday.AddHours(-3), "AAQkInvite=", "konsult@example.se", Bygglov);
        _graph.AddEventMessage("AAMkAccept=", "meetingAccepted", "Angenommen: Samråd om detaljplanen",
            "<p>Jag kommer gärna.</p>", Monday.AddHours(-2), "AAQkAccept=", "granne@example.se", Bygglov);
        _graph.AddMessage("AAMkCitizen=", "Fråga", "<p>Hur söker jag bygglov för en altan?</p>", Monday.AddHours(-1), "AAQkCitizen=",
            from: "a@example.se", mailbox: Bygglov);

        await RoundAsync();

        Assert.HasCount(1, DeltaRequests(Bygglov, "inbox"), "all three in one page");
        var tracked = (await TrackedAsync()).ToDictionary(m => m.Id);
        foreach (var meeting in new[] { "AAMkInvite=", "AAMkAccept=" })
        {
            Assert.AreEqual(MessageCategory.Automatic, tracked[meeting].Category, meeting);
            Assert.IsNull(tracked[meeting].CitizenAddress, "no citizen is kept for it");
            Assert.IsNull(tracked[meeting].Label);
            Assert.IsEmpty(_graph.Message(meeting)["categories"]!.AsArray(), "no promise category in Outlook");
        }
        Assert.AreEqual(MessageCategory.Question, tracked["AAMkCitizen="].Category);
        Assert.AreEqual(new DateOnly(2026, 12, 2), tracked["AAMkCitizen="].DueDate);
        Assert.AreEqual("Kontaktlöfte: öppet", _graph.Message("AAMkCitizen=")["categories"]![0]!.GetValue<string>());
        Assert.HasCount(1, _graph.BatchSteps, "the citizen's label only");
    }
}
