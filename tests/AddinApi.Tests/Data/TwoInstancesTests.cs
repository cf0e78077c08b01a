using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Data.Postgres;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Registry;
using Kontaktlofte.AddinApi.Registry.Embedded;
using Kontaktlofte.AddinApi.Sandbox;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Data;

/// <summary>
/// Two instances of the API on one PostgreSQL database, each with its outbox worker and its watcher running, as production
/// runs them behind a load balancer: each receipt is sent once, each mail tracked once, each registration number given once.
/// </summary>
[TestClass]
public sealed class TwoInstancesTests
{
    /// <summary>Wednesday 2026-11-25, 10:00: a working day.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";

    /// <summary>What both instances do, seen from outside them: sends per outbox item, and who is in a mailbox's feed at once.</summary>
    private sealed class Witness
    {
        public ConcurrentDictionary<Guid, ConcurrentBag<string>> Sends { get; } = new();
        public ConcurrentDictionary<string, int> InFeed { get; } = new();
        public ConcurrentBag<string> Overlaps { get; } = [];
    }

    /// <summary>An outbox sender that only records which instance sent what, slowly enough for the other to try too.</summary>
    private sealed class CountingSender(Witness witness, string instance) : IOutboxSender
    {
        public const string OutboxKind = "counted";
        public string Kind => OutboxKind;

        public async Task SendAsync(Guid id, CancellationToken cancel)
        {
            witness.Sends.GetOrAdd(id, _ => []).Add(instance);
            await Task.Delay(10, cancel);
        }

        public Task GaveUpAsync(Guid id, CancellationToken cancel) => Task.CompletedTask;
    }

    /// <summary>The sandbox's feed, noting when two watchers read one mailbox at the same time.</summary>
    private sealed class WitnessedFeed(IMailboxFeed inner, Witness witness) : IMailboxFeed
    {
        private async Task<T> InAsync<T>(string mailbox, Func<Task<T>> call)
        {
            if (witness.InFeed.AddOrUpdate(mailbox, 1, (_, n) => n + 1) > 1) witness.Overlaps.Add(mailbox);
            try
            {
                await Task.Delay(5); // a Graph call takes its time: long enough for another watcher to come in
                return await call();
            }
            finally
            {
                witness.InFeed.AddOrUpdate(mailbox, 0, (_, n) => n - 1);
            }
        }

        public Task<FeedPage> InboxAsync(string mailbox, string? link, CancellationToken cancel) => InAsync(mailbox, () => inner.InboxAsync(mailbox, link, cancel));
        public Task<SentPage> SentAsync(string mailbox, string? link, CancellationToken cancel) => InAsync(mailbox, () => inner.SentAsync(mailbox, link, cancel));

        public Task EnsureCategoriesAsync(string mailbox, IReadOnlyList<(string Name, string Color)> categories, CancellationToken cancel) =>
            InAsync(mailbox, async () => { await inner.EnsureCategoriesAsync(mailbox, categories, cancel); return true; });

        public Task<IReadOnlyList<string>> SetCategoriesAsync(string mailbox, IReadOnlyList<CategoryWrite> changes, CancellationToken cancel) =>
            InAsync(mailbox, () => inner.SetCategoriesAsync(mailbox, changes, cancel));
    }

    private static KontaktlofteFactory Instance(string database, Witness witness, string name) => new(now: Wednesday, database: database,
        provider: TestDatabase.Postgres,
        settings: new()
        {
            ["Watcher:Enabled"] = "true", ["Watcher:PollInterval"] = "00:00:00.200", ["Outbox:PollInterval"] = "00:00:00.050",
        },
        services: s =>
        {
            s.AddScoped<IOutboxSender>(_ => new CountingSender(witness, name));
            s.AddScoped<IMailboxFeed>(services => new WitnessedFeed(ActivatorUtilities.CreateInstance<SandboxFeed>(services), witness));
        });

    /// <summary>Both instances on one new database, the second started once the first has migrated and seeded it.</summary>
    private static (KontaktlofteFactory First, KontaktlofteFactory Second, Witness Witness, string Database) Start()
    {
        var database = KontaktlofteFactory.NewDatabase(TestDatabase.Postgres);
        var witness = new Witness();
        var first = Instance(database, witness, "first");
        _ = first.Services;
        var second = Instance(database, witness, "second");
        _ = second.Services;
        return (first, second, witness, database);
    }

    private static async Task<T> InDatabaseAsync<T>(KontaktlofteFactory api, Func<KontaktlofteDb, Task<T>> query)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KontaktlofteDb>());
    }

    private static async Task WaitAsync(Func<Task<bool>> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done() && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    [TestMethod]
    public async Task Two_outbox_workers_on_one_queue_send_each_item_once()
    {
        var (first, second, witness, _) = Start();
        await using var _1 = first;
        await using var _2 = second;
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();

        await InDatabaseAsync(first, async db =>
        {
            var now = Wednesday.AddMinutes(-1);
            db.Set<OutboxItem>().AddRange(ids.Select(id => new OutboxItem
            {
                Id = id, Kind = CountingSender.OutboxKind, Status = OutboxStatus.Queued, CreatedAt = now, NextAttemptAt = now,
            }));
            return await db.SaveChangesAsync();
        });
        await WaitAsync(() => InDatabaseAsync(first, db => db.Set<OutboxItem>().AllAsync(i => !ids.Contains(i.Id) || i.Status == OutboxStatus.Sent)));

        Assert.IsTrue(await InDatabaseAsync(first, db => db.Set<OutboxItem>().Where(i => ids.Contains(i.Id)).AllAsync(i => i.Status == OutboxStatus.Sent)));
        CollectionAssert.AreEquivalent(ids, witness.Sends.Keys.ToList());
        var twice = witness.Sends.Where(s => s.Value.Count != 1).Select(s => $"{s.Key}: {string.Join(", ", s.Value)}").ToList();
        Assert.IsEmpty(twice, "sent more than once: " + string.Join("; ", twice));
        var byInstance = witness.Sends.Values.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.AreEqual(2, byInstance.Count, "both workers took part: " + string.Join(", ", byInstance.Select(b => $"{b.Key} {b.Value}")));
    }

    [TestMethod]
    public async Task Two_watchers_on_one_mailbox_track_each_mail_once_and_send_each_automatic_receipt_once()
    {
        var (first, second, witness, database) = Start();
        await using var _1 = first;
        await using var _2 = second;
        var head = first.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        var set = await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}",
            new { watchers = new[] { "handlaggare@sandbox.botkyrka.se" }, automaticReceipt = true, receiptNote = (string?)null });
        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());

        var hanna = second.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        var posted = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var response = await hanna.PostAsJsonAsync("/api/sandbox/messages", new
            {
                from = new { name = $"Invånare {i}", address = $"invanare{i}@example.se" }, subject = $"Fråga {i} om bygglov",
                bodyText = "Hej! Behöver jag bygglov för ett plank mot gatan? Tack på förhand.", mailbox = Bygglov,
            });
            Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
            posted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        // Besides the background rounds, both watchers go through every mailbox at the same moment, three times.
        var watchers = new[] { first, second }.Select(api => api.Services.GetRequiredService<MailboxWatcher>()).ToList();
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(watchers.Select(w => Task.Run(() => w.RoundAsync(CancellationToken.None))));
        await WaitAsync(() => InDatabaseAsync(first, async db =>
            await db.Messages.CountAsync(m => posted.Contains(m.Id)) == posted.Count
            && await db.Set<OutboxItem>().Where(o => o.Kind == AutomaticReceiptSender.OutboxKind).AllAsync(o => o.Status == OutboxStatus.Sent)));

        var tracked = await InDatabaseAsync(first, db => db.Messages.Where(m => posted.Contains(m.Id)).Select(m => m.Id).ToListAsync());
        CollectionAssert.AreEquivalent(posted, tracked, "each mail tracked, once");
        var receipts = await InDatabaseAsync(first, db => db.AutomaticReceipts.Where(r => posted.Contains(r.MessageId)).ToListAsync());
        CollectionAssert.AreEquivalent(posted, receipts.Select(r => r.MessageId).ToList(), "one automatic receipt recorded per mail");
        var sent = (await hanna.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!
            .Where(s => s.GetProperty("mailbox").GetString() == Bygglov && s.GetProperty("subject").GetString() == "Automatisk bekräftelse: vi har tagit emot ditt meddelande").ToList();
        Assert.HasCount(posted.Count, sent, "each receipt sent once from the function mailbox");
        Assert.IsEmpty(witness.Overlaps, "two watchers read one mailbox at once: " + string.Join(", ", witness.Overlaps.Distinct()));

        // Stopped, both instances have given back every mailbox: a restarted one need not wait for a lease to run out.
        await first.DisposeAsync();
        await second.DisposeAsync();
        await using var db = new PostgresKontaktlofteDb(new DbContextOptionsBuilder<PostgresKontaktlofteDb>().UseNpgsql(database).Options);
        var leases = await db.Set<MailboxLease>().ToListAsync();
        Assert.IsNotEmpty(leases);
        Assert.IsTrue(leases.All(l => l.Until < Wednesday), string.Join(", ", leases.Select(l => $"{l.Mailbox} {l.Until:O}")));
    }

    [TestMethod]
    public async Task Two_instances_registering_at_once_give_each_number_once()
    {
        var (first, second, _, _) = Start();
        await using var _1 = first;
        await using var _2 = second;
        var instances = new[] { first, second };

        var cases = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var scope = instances[i % 2].Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CaseNumbers>()
                .OpenCaseAsync(new NewCase("KS", $"Ärende {i}", null, "registrator@sandbox.botkyrka.se"), CancellationToken.None);
        })));
        var documents = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var scope = instances[i % 2].Services.CreateAsyncScope();
            // Every second message twice, once through each instance: one document, one number.
            return await scope.ServiceProvider.GetRequiredService<CaseNumbers>().RegisterDocumentAsync(cases[0].Id,
                new NewDocument($"<{i / 2}@example.se>", DocumentDirection.Incoming, "Skrivelse", "registrator@sandbox.botkyrka.se"), CancellationToken.None);
        })));

        CollectionAssert.AreEqual(Enumerable.Range(1, 40).ToList(), cases.Select(c => c.Sequence).Order().ToList(), "KS/2026:1–40, each once");
        CollectionAssert.AreEqual(Enumerable.Range(1, 20).ToList(), documents.Select(d => d.Number).Distinct().Order().ToList(), "documents 1–20, no gap");
        Assert.AreEqual(20, documents.Select(d => d.Id).Distinct().Count());
    }
}
