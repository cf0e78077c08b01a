using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Outbox;

/// <summary>The one outbox: sent once, retried with back-off, and given up as a visible dead letter when it never can be.</summary>
public abstract class OutboxQueueTests
{
    protected abstract TestDatabase Provider { get; }

    /// <summary>A sender that fails as told, and counts its calls.</summary>
    private sealed class ScriptedSender : IOutboxSender
    {
        public Func<Exception?> Next { get; set; } = () => null;
        public int Calls { get; private set; }
        public string Kind => "test";

        public int GaveUp { get; private set; }

        public Task SendAsync(Guid id, CancellationToken cancel)
        {
            Calls++;
            return Next() is { } error ? Task.FromException(error) : Task.CompletedTask;
        }

        public Task GaveUpAsync(Guid id, CancellationToken cancel)
        {
            GaveUp++;
            return Task.CompletedTask;
        }
    }

    private readonly ScriptedSender _sender = new();
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public void Start() => _api = new KontaktlofteFactory(
        settings: new() { ["Outbox:MaxAttempts"] = "3", ["Outbox:PollInterval"] = "01:00:00" },
        services: s => s.AddScoped<IOutboxSender>(_ => _sender), provider: Provider);

    [TestCleanup]
    public void Stop() => _api.Dispose();

    private async Task<OutboxItem> SendOnceAsync(Guid id)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxQueue>();
        if (await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<OutboxItem>().AnyAsync(i => i.Id == id))
        {
            await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<OutboxItem>().Where(i => i.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntil, (DateTimeOffset?)null));
            Assert.IsTrue(await outbox.ClaimAsync(id, CancellationToken.None));
        }
        else
        {
            outbox.Enqueue(id, "test");
            await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().SaveChangesAsync();
        }
        await outbox.SendClaimedAsync(id, CancellationToken.None);
        return (await outbox.FindAsync(id, CancellationToken.None))!;
    }

    [TestMethod]
    public async Task A_sent_item_is_done_and_never_due_again()
    {
        var item = await SendOnceAsync(Guid.NewGuid());

        Assert.AreEqual(OutboxStatus.Sent, item.Status);
        Assert.IsNotNull(item.DoneAt);
        await using var scope = _api.Services.CreateAsyncScope();
        Assert.AreEqual(0, (await scope.ServiceProvider.GetRequiredService<OutboxQueue>().DueAsync(10, CancellationToken.None)).Count);
    }

    [TestMethod]
    public async Task A_permanent_failure_is_a_dead_letter_at_once_with_its_reason()
    {
        _sender.Next = () => new CannotBeSentException("Meddelandet finns inte längre i brevlådan.");

        var item = await SendOnceAsync(Guid.NewGuid());

        Assert.AreEqual(OutboxStatus.Failed, item.Status);
        Assert.AreEqual(1, item.Attempts);
        Assert.AreEqual("Meddelandet finns inte längre i brevlådan.", item.LastError);
        Assert.AreEqual(1, _sender.GaveUp, "the sender is told, to forget what it kept for sending");
    }

    [TestMethod]
    public async Task A_timeout_is_a_passing_failure_not_the_end_of_the_outbox()
    {
        _sender.Next = () => new TaskCanceledException("HttpClient timed out", new TimeoutException());

        var item = await SendOnceAsync(Guid.NewGuid());

        Assert.AreEqual(OutboxStatus.Queued, item.Status);
        Assert.AreEqual("Svaret dröjde för länge.", item.LastError);
        Assert.AreEqual(0, _sender.GaveUp);
    }

    [TestMethod]
    public async Task A_passing_failure_is_retried_later_and_given_up_after_the_last_attempt()
    {
        _sender.Next = () => new RetryLaterException("Graph svarar inte (503).", TimeSpan.FromSeconds(30));
        var id = Guid.NewGuid();

        var first = await SendOnceAsync(id);
        Assert.AreEqual(OutboxStatus.Queued, first.Status, "retried after one failure");
        Assert.AreEqual(TimeSpan.FromSeconds(30), first.NextAttemptAt - Reviewing_Now, "Retry-After wins over a shorter back-off");
        Assert.AreEqual("Graph svarar inte (503).", first.LastError);

        var second = await SendOnceAsync(id);
        Assert.AreEqual(OutboxStatus.Queued, second.Status, "attempt 2 of 3");

        var third = await SendOnceAsync(id);
        Assert.AreEqual(OutboxStatus.Failed, third.Status, "attempt 3 of 3: given up");
        StringAssert.Contains(third.LastError, "Gav upp efter 3 försök");
        Assert.AreEqual(3, _sender.Calls);
    }

    private static DateTimeOffset Reviewing_Now => Tests.Drafts.Reviewing.Now;
}

[TestClass]
public sealed class SqliteOutboxQueueTests : OutboxQueueTests
{
    protected override TestDatabase Provider => TestDatabase.Sqlite;
}

[TestClass]
public sealed class PostgresOutboxQueueTests : OutboxQueueTests
{
    protected override TestDatabase Provider => TestDatabase.Postgres;
}
