using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Kontaktlofte.AddinApi.Watching;
using Kontaktlofte.AddinApi.Data.Postgres;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Outbox;

/// <summary>
/// Issue 12: an instance of the API dies in the middle of sending a receipt — before Graph made the draft, between the
/// draft and its send, or after Graph sent it but before the instance wrote that down — and the other instance on the
/// same PostgreSQL database takes the item over once its lease runs out. The citizen gets one mail in every case, and
/// nothing stays queued. Leases run out in six seconds here (<c>Outbox:Lease</c>), in ten minutes in production.
/// </summary>
[TestClass]
public sealed class InstanceKilledMidSendTests
{
    private const string Bygglov = "bygglov@botkyrka.se";
    private const string TokenOfA = "app-token-of-instance-a";
    /// <summary>Wednesday 2026-11-25, 10:00: a working day.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Where instance A is when it dies.</summary>
    public enum KillPoint { ClaimedBeforeTheDraft, DraftMadeNotSent, SentNotRecorded }

    /// <summary>
    /// An instance with its outbox worker; A also watches the function mailbox (it tracks the mail and starts the send), B only
    /// sends. A stops at once when disposed — its hosted services get no time to finish: the process dying.
    /// </summary>
    /// <summary>
    /// A process that died does nothing more: once <see cref="Dead"/>, its database calls fail (an interceptor) and Graph
    /// refuses its calls, whatever its code still had under way when the test disposed it.
    /// </summary>
    private sealed class Death : DbConnectionInterceptor
    {
        public volatile bool Dead;

        private void Check()
        {
            if (Dead) throw new InvalidOperationException("Instansen är död.");
        }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Check();
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Check();
            return ValueTask.FromResult(result);
        }
    }

    private static KontaktlofteFactory Instance(FakeGraph graph, string database, bool watches, string token, Death? death = null) => new(database: database,
        provider: TestDatabase.Postgres,
        settings: new()
        {
            ["Mailbox:Adapter"] = "Graph", ["Graph:BaseUrl"] = graph.BaseUrl + "/v1.0", ["Graph:MaxRetries"] = "0",
            ["Watcher:Enabled"] = watches ? "true" : "false", ["Watcher:PollInterval"] = "00:00:00.200", ["Watcher:FunctionMailboxes:0"] = Bygglov,
            // The lease must outlast six Graph calls (GraphExtensions): two seconds each here, room enough for a fake Graph
            // call on a machine busy with the whole suite (one second was not, once in a clean-clone run).
            ["Outbox:PollInterval"] = "00:00:00.100", ["Outbox:Lease"] = "00:00:12", ["Graph:AttemptTimeout"] = "00:00:02",
        },
        services: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(new FakeTokens { AppToken = token }));
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new RunningClock(Wednesday)));
            s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(50));
            if (death is not null) s.ConfigureDbContext<PostgresKontaktlofteDb>(db => db.AddInterceptors(death));
        });

    private static async Task<T> InDatabaseAsync<T>(KontaktlofteFactory api, Func<KontaktlofteDb, Task<T>> query)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KontaktlofteDb>());
    }

    private static async Task WaitAsync(Func<Task<bool>> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done() && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    private static bool IsA(HttpContext context) => context.Request.Headers.Authorization.ToString() == "Bearer " + TokenOfA;

    private static bool Is(HttpContext context, string pathEnd) =>
        context.Request.Method == "POST" && context.Request.Path.Value!.EndsWith(pathEnd, StringComparison.Ordinal);

    [TestMethod]
    [DataRow(KillPoint.ClaimedBeforeTheDraft)]
    [DataRow(KillPoint.DraftMadeNotSent)]
    [DataRow(KillPoint.SentNotRecorded)]
    public async Task An_instance_killed_mid_send_leaves_the_receipt_to_the_other_which_sends_it_once(KillPoint point)
    {
        await using var graph = await FakeGraph.StartAsync();
        var database = KontaktlofteFactory.NewDatabase(TestDatabase.Postgres);
        var death = new Death();
        await using var a = Instance(graph, database, watches: true, TokenOfA, death);
        var head = a.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        await using var b = Instance(graph, database, watches: false, "app-token-of-instance-b");
        _ = b.Services;
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        var set = await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}", new { watchers = new[] { "handlaggare@sandbox.botkyrka.se" }, automaticReceipt = true });
        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());

        // A dies where the test says: its call to Graph is held there for good (Graph has, or has not, done its part).
        var dying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        async Task Die(HttpContext context)
        {
            dying.TrySetResult();
            await never.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        bool DiesAt(HttpContext context) => death.Dead || point switch
        {
            KillPoint.ClaimedBeforeTheDraft => Is(context, "/createReply"),
            KillPoint.DraftMadeNotSent => Is(context, "/send"),
            _ => false,
        };
        graph.Hold = context => IsA(context) && DiesAt(context) ? Die(context) : Task.CompletedTask;
        graph.HoldSentAnswer = context => IsA(context) && point == KillPoint.SentNotRecorded ? Die(context) : Task.CompletedTask;

        // A minute on: the automatic receipts are for mail since they were turned on, a few seconds after Wednesday 10:00.
        graph.AddMessage("AAMkQ1=", "Bygglov för ett plank", "<p>Hej! Behöver jag bygglov för ett plank mot gatan? Tack! Eva</p>",
            Wednesday.AddMinutes(1), "AAQkQ1=", from: "eva.ek@example.se", fromName: "Eva Ek", mailbox: Bygglov);
        await dying.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var item = await InDatabaseAsync(b, db => db.Set<OutboxItem>().SingleAsync(o => o.Kind == AutomaticReceiptSender.OutboxKind));
        Assert.AreEqual(OutboxStatus.Queued, item.Status);
        Assert.IsNotNull(item.ClaimedUntil, "held by A while it sends");

        death.Dead = true;
        var dead = await Assert.ThrowsAsync<InvalidOperationException>(() => InDatabaseAsync(a, db => db.Set<OutboxItem>().CountAsync()));
        Assert.AreEqual("Instansen är död.", dead.Message);
        await a.DisposeAsync(); // killed: what it still had under way reaches neither Graph nor the database

        await WaitAsync(() => InDatabaseAsync(b, db => db.Set<OutboxItem>().AllAsync(o => o.Status != OutboxStatus.Queued)));
        item = await InDatabaseAsync(b, db => db.Set<OutboxItem>().SingleAsync(o => o.Id == item.Id));
        Assert.AreEqual(OutboxStatus.Sent, item.Status, $"B sent it once A's lease ran out ({item.LastError})");
        Assert.IsNull(item.ClaimedUntil);
        var sent = graph.DraftsIn(Bygglov).Where(d => d["isDraft"]!.GetValue<bool>() == false).ToList();
        Assert.HasCount(1, sent, "the citizen got one mail");
        Assert.AreEqual("eva.ek@example.se", sent[0]["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.AreEqual(1, graph.SuccessfulSends, "one send accepted by Graph");
        var sends = graph.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/send", StringComparison.Ordinal)).ToList();
        var byB = sends.Count(r => r.Headers["Authorization"] != "Bearer " + TokenOfA);
        Assert.AreEqual(point == KillPoint.SentNotRecorded ? 0 : 1, byB, "B sends only what A had not sent");
        var receipt = await InDatabaseAsync(b, db => db.AutomaticReceipts.SingleAsync());
        Assert.AreEqual(sent[0]["id"]!.GetValue<string>(), receipt.DraftId, "the receipt names the draft that went out");
        Assert.IsNull(receipt.ToAddress, "the citizen's address is kept only until sent");
        never.TrySetResult();
    }
}
