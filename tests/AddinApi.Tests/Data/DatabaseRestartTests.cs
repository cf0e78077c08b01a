using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Data;

/// <summary>
/// Issue 12: the PostgreSQL server restarted while the API runs, its outbox worker sending receipts through Graph and its
/// watcher tracking mail. During the outage the API answers a Swedish 503 and is not ready, but alive; the background
/// workers live through it; after it every receipt goes out once and every mail is tracked once — the receipt that was
/// on its way to Graph when the database went away too. On a server of the test's own (the run's shared one stays up).
/// </summary>
[TestClass]
public sealed class DatabaseRestartTests
{
    private const string Bygglov = "bygglov@botkyrka.se";
    /// <summary>Wednesday 2026-11-25, 10:00: a working day.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

    private static KontaktlofteFactory Api(FakeGraph graph, string database, TimeProvider clock) => new(database: database, provider: TestDatabase.Postgres,
        settings: new()
        {
            ["Mailbox:Adapter"] = "Graph", ["Graph:BaseUrl"] = graph.BaseUrl + "/v1.0", ["Graph:MaxRetries"] = "0",
            ["Watcher:Enabled"] = "true", ["Watcher:PollInterval"] = "00:00:00.200", ["Watcher:FunctionMailboxes:0"] = Bygglov,
            ["Outbox:PollInterval"] = "00:00:00.100",
            // The receipt under way when the database went away stays claimed until its lease runs out: in seconds here, in
            // ten minutes in production. The lease must still outlast six Graph calls (GraphExtensions), three seconds each here.
            ["Outbox:Lease"] = "00:00:18", ["Graph:AttemptTimeout"] = "00:00:03",
        },
        services: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(new FakeTokens()));
            s.Replace(ServiceDescriptor.Singleton(clock));
        });

    private static void Arrive(FakeGraph graph, TimeProvider clock, IEnumerable<int> numbers)
    {
        foreach (var i in numbers)
            graph.AddMessage($"AAMkQ{i:00}=", $"Fråga {i} om bygglov", $"<p>Hej! Behöver jag bygglov för ett plank, nummer {i}? Tack!</p>",
                // A second on: Graph gives the time to the second, and the automatic receipts are for mail since they were turned on.
                clock.GetUtcNow().AddSeconds(1), $"AAQkQ{i:00}=", from: $"invanare{i}@example.se", fromName: $"Invånare {i}", mailbox: Bygglov);
    }

    private static async Task<T> InDatabaseAsync<T>(KontaktlofteFactory api, Func<KontaktlofteDb, Task<T>> query)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KontaktlofteDb>());
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await done()) return true;
            }
            catch (Exception error) when (DatabaseUnavailable.Cause(error) is not null) { } // not up yet
            await Task.Delay(100);
        }
        return false;
    }

    [TestMethod]
    [DataRow(true, DisplayName = "immediate shutdown (a crash)")]
    [DataRow(false, DisplayName = "fast shutdown (a restart)")]
    public async Task The_database_restarted_mid_run_loses_no_receipt_sends_none_twice_and_answers_503_meanwhile(bool immediate)
    {
        using var server = PostgresServer.StartPrivate();
        await using var graph = await FakeGraph.StartAsync();
        var clock = new RunningClock(Wednesday);
        await using var api = Api(graph, server.Database, clock);
        var head = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        var set = await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}", new { watchers = new[] { "handlaggare@sandbox.botkyrka.se" }, automaticReceipt = true });
        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        var official = api.SandboxOfficial();
        Assert.AreEqual(HttpStatusCode.OK, (await official.GetAsync("/api/worklist")).StatusCode);

        // Six questions arrive; the first receipt's send is held at Graph, in flight, while the database goes away.
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        graph.Hold = async context =>
        {
            if (context.Request.Method != "POST" || !context.Request.Path.Value!.EndsWith("/send", StringComparison.Ordinal)) return;
            inFlight.TrySetResult();
            await release.Task;
        };
        Arrive(graph, clock, Enumerable.Range(1, 6));
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(30));

        server.Stop(immediate);
        release.SetResult(); // Graph sends it; the API cannot record that it did
        Assert.IsTrue(await WaitAsync(() => Task.FromResult(graph.SuccessfulSends == 1), seconds: 5), "Graph sent the held receipt during the outage");
        Arrive(graph, clock, Enumerable.Range(7, 4)); // four more arrive during the outage

        // Meanwhile: a clear Swedish 503 for what needs the database, not a 500 and not a hang; not ready, but alive.
        foreach (var path in new[] { "/api/worklist", "/api/me", "/api/mailboxes" })
        {
            var watch = Stopwatch.StartNew();
            var answer = await official.GetAsync(path);
            var body = await answer.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, answer.StatusCode, $"{path}: {body}");
            Assert.IsLessThan(TimeSpan.FromSeconds(10), watch.Elapsed, $"{path} answered at once");
            Assert.AreEqual("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.AreEqual("Tjänsten är inte tillgänglig just nu", problem.GetProperty("title").GetString());
            Assert.AreEqual(DatabaseUnavailable.Detail, problem.GetProperty("detail").GetString());
            Assert.AreEqual("5", answer.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var client = api.CreateClient();
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1)); // several rounds of the watcher and the outbox worker meet the outage

        server.Start();

        var lifetime = api.Services.GetRequiredService<IHostApplicationLifetime>();
        var receipts = await WaitAsync(() => InDatabaseAsync(api, async db =>
            await db.Messages.CountAsync(m => m.Mailbox == Bygglov) == 10
            && await db.Set<OutboxItem>().CountAsync(o => o.Kind == AutomaticReceiptSender.OutboxKind && o.Status == OutboxStatus.Sent) == 10), seconds: 60);
        Assert.IsFalse(lifetime.ApplicationStopping.IsCancellationRequested, "no background service stopped the host");
        var state = await InDatabaseAsync(api, async db => string.Join("; ", (await db.Set<OutboxItem>().ToListAsync())
            .Select(o => $"{o.Status} {o.Attempts} {o.ClaimedUntil:HH:mm:ss.fff} {o.LastError}")) + $"; tracked {await db.Messages.CountAsync(m => m.Mailbox == Bygglov)}");
        Assert.IsTrue(receipts, "all ten tracked and their receipts sent after the restart: " + state);
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await official.GetAsync("/api/worklist")).StatusCode);

        var tracked = await InDatabaseAsync(api, db => db.Messages.Where(m => m.Mailbox == Bygglov).Select(m => m.Id).ToListAsync());
        CollectionAssert.AreEquivalent(Enumerable.Range(1, 10).Select(i => $"AAMkQ{i:00}=").ToList(), tracked, "each mail tracked, once");
        Assert.AreEqual(10, await InDatabaseAsync(api, db => db.AutomaticReceipts.CountAsync()), "one receipt recorded per mail");
        // Each citizen got one mail: one sent draft per question, each sent by one accepted send.
        var sent = graph.DraftsIn(Bygglov).Where(d => d["isDraft"]!.GetValue<bool>() == false).ToList();
        var perQuestion = sent.GroupBy(d => d["conversationId"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        CollectionAssert.AreEquivalent(Enumerable.Range(1, 10).Select(i => $"AAQkQ{i:00}=").ToList(), perQuestion.Keys.ToList());
        Assert.IsTrue(perQuestion.Values.All(n => n == 1), string.Join(", ", perQuestion.Select(p => $"{p.Key}: {p.Value}")));
        Assert.AreEqual(10, graph.SuccessfulSends, "ten sends accepted by Graph, none twice");
    }
}
