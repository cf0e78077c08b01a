using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// The watcher's category writes through Graph JSON batching: 20 PATCHes to a <c>$batch</c>, never one request per
/// message; an inner 429 sent again after its Retry-After (one retry, waits up to 5 s here), a longer throttle or a
/// deleted message left for the next round, and a mailbox outside the app's scope refused as its delta query is.
/// </summary>
[TestClass]
public sealed class GraphLabelBatchTests
{
    private const string Bygglov = "bygglov@botkyrka.se";
    private const string Open = "Kontaktlöfte: öppet";
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    private FakeGraph _graph = null!;
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _api = new KontaktlofteFactory(now: Monday, settings: new()
        {
            ["Mailbox:Adapter"] = "Graph",
            ["Graph:BaseUrl"] = _graph.BaseUrl + "/v1.0",
            ["Graph:MaxRetries"] = "1",
            ["Graph:MaxRetryWait"] = "00:00:05",
            ["Watcher:FunctionMailboxes:0"] = Bygglov,
        }, services: s => s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(new FakeTokens())));
        _ = _api.CreateClient();
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    /// <summary>Citizen questions that arrived this morning: each is due Wednesday, so each gets "öppet".</summary>
    private void Arrive(int count)
    {
        for (var i = 0; i < count; i++)
            _graph.AddMessage(Id(i), $"Fråga {i}", $"<p>Hej! Hur söker jag bygglov för ett plank, nummer {i}?</p>",
                Monday.AddMinutes(-i), $"AAQkB{i:000}=", from: $"invanare{i}@example.se", mailbox: Bygglov);
    }

    private static string Id(int i) => $"AAMkB{i:000}=";

    private Task RoundAsync() => _api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

    private string[] Categories(string id) => _graph.Message(id)["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();

    private async Task<Dictionary<string, string?>> LabelsAsync()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Label);
    }

    private List<GraphRequest> Batches() => _graph.Where("POST", "/$batch");

    private static int StepsIn(GraphRequest batch) => batch.Json!["requests"]!.AsArray().Count;

    [TestMethod]
    [DataRow(20, 1)]
    [DataRow(21, 2)]
    [DataRow(45, 3)]
    public async Task Label_changes_go_to_Graph_twenty_to_a_batch_and_never_as_a_request_per_message(int changes, int batches)
    {
        Arrive(changes);

        await RoundAsync();

        Assert.HasCount(batches, Batches());
        Assert.IsTrue(Batches().All(b => StepsIn(b) <= FakeGraph.BatchLimit));
        Assert.IsEmpty(_graph.Requests.Where(r => r.Method == "PATCH").ToList(), "no PATCH outside a batch");
        Assert.HasCount(changes, _graph.BatchSteps.Where(s => s.Method == "PATCH").ToList());
        Assert.IsTrue(_graph.BatchSteps.All(s => s.Headers["Prefer"].Contains("IdType=\"ImmutableId\"", StringComparison.Ordinal)),
            "immutable ids inside the batch too: the batch's own Prefer does not reach its requests");
        for (var i = 0; i < changes; i++) CollectionAssert.AreEqual(new[] { Open }, Categories(Id(i)));
        Assert.IsTrue((await LabelsAsync()).Values.All(l => l == Open));
    }

    [TestMethod]
    public async Task An_inner_429_is_sent_again_alone_after_its_Retry_After_and_then_written()
    {
        Arrive(3);
        _graph.RetryAfterSeconds = 1;
        _graph.ThrottleInBatch[Id(1)] = 1;

        await RoundAsync();

        var batches = Batches();
        Assert.HasCount(2, batches);
        Assert.AreEqual(3, StepsIn(batches[0]));
        Assert.AreEqual(1, StepsIn(batches[1]), "only the throttled one again");
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), batches[1].At - batches[0].At, "after Retry-After: 1");
        CollectionAssert.AreEqual(new[] { Open }, Categories(Id(1)));
        Assert.AreEqual(Open, (await LabelsAsync())[Id(1)]);
    }

    [TestMethod]
    [DataRow(2, 1, 2, DisplayName = "throttled again after the one retry")]
    [DataRow(1, 6, 1, DisplayName = "Retry-After longer than Graph:MaxRetryWait: no wait inside the round")]
    public async Task A_label_still_throttled_is_left_unsaved_and_written_the_next_round(int throttles, int retryAfter, int batchesFirstRound)
    {
        Arrive(3);
        _graph.RetryAfterSeconds = retryAfter;
        _graph.ThrottleInBatch[Id(2)] = throttles;

        await RoundAsync();

        Assert.HasCount(batchesFirstRound, Batches());
        Assert.IsEmpty(Categories(Id(2)));
        var labels = await LabelsAsync();
        Assert.IsNull(labels[Id(2)], "not written, so not saved as written");
        Assert.AreEqual(Open, labels[Id(0)]);
        Assert.AreEqual(Open, labels[Id(1)]);

        await RoundAsync();

        var next = Batches().Skip(batchesFirstRound).ToList();
        Assert.HasCount(1, next);
        Assert.AreEqual(1, StepsIn(next[0]), "only the one left over");
        CollectionAssert.AreEqual(new[] { Open }, Categories(Id(2)));
        Assert.AreEqual(Open, (await LabelsAsync())[Id(2)]);
    }

    [TestMethod]
    public async Task A_message_deleted_before_its_label_is_not_written_and_the_others_are()
    {
        Arrive(3);
        await using var scope = _api.Services.CreateAsyncScope();
        var watch = scope.ServiceProvider.GetRequiredService<MailboxWatch>();
        await watch.InboxAsync(Bygglov, CancellationToken.None);
        _graph.Delete(Id(1)); // between the delta page and the labels: the PATCH inside the batch answers 404

        var written = await watch.LabelAsync(Bygglov, CancellationToken.None);

        Assert.AreEqual(2, written);
        Assert.HasCount(3, _graph.BatchSteps.Where(s => s.Method == "PATCH").ToList());
        CollectionAssert.AreEqual(new[] { Open }, Categories(Id(0)));
        CollectionAssert.AreEqual(new[] { Open }, Categories(Id(2)));
        var labels = await LabelsAsync();
        Assert.IsNull(labels[Id(1)]);
        Assert.AreEqual(Open, labels[Id(2)]);
    }

    [TestMethod]
    public async Task A_mailbox_outside_the_apps_scope_refuses_the_labels_as_it_refuses_the_delta_query()
    {
        Arrive(1);
        _graph.OutOfScope[Bygglov] = true;
        await using var scope = _api.Services.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<IMailboxFeed>();

        var delta = await Assert.ThrowsExactlyAsync<MailboxAccessDeniedException>(() => feed.InboxAsync(Bygglov, null, CancellationToken.None));
        var labels = await Assert.ThrowsExactlyAsync<MailboxAccessDeniedException>(() =>
            feed.SetCategoriesAsync(Bygglov, [new CategoryWrite(Id(0), [Open])], CancellationToken.None));

        Assert.AreEqual(delta.Message, labels.Message);
        Assert.HasCount(1, Batches(), "the refusal came inside the batch's 200");
        Assert.IsEmpty(Categories(Id(0)));
    }
}
