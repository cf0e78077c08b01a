using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// A mailbox's lease on each provider: one holder at a time, also when many ask at once; given back at the end of a round;
/// anyone's once it has run out (an instance that died mid-round keeps nobody waiting longer than the lease).
/// </summary>
public abstract class MailboxLeaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";

    protected abstract TestDatabase Provider { get; }

    private sealed class MovingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly MovingClock _clock = new(Now);
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public void Start()
    {
        _api = new KontaktlofteFactory(provider: Provider, services: s => s.AddSingleton<TimeProvider>(_clock));
        _ = _api.Services;
    }

    [TestCleanup]
    public void Stop() => _api.Dispose();

    private async Task<bool> TakeAsync(string holder, string mailbox = Bygglov)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailboxLeases>().TakeAsync(mailbox, holder, CancellationToken.None);
    }

    private async Task ReleaseAsync(string holder)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailboxLeases>().ReleaseAsync(Bygglov, holder, CancellationToken.None);
    }

    [TestMethod]
    public async Task Of_twenty_asking_at_once_for_a_mailbox_never_leased_one_gets_it()
    {
        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => TakeAsync($"instans-{i}"))));

        Assert.AreEqual(1, taken.Count(t => t));
    }

    [TestMethod]
    public async Task Of_twenty_asking_at_once_for_a_mailbox_given_back_one_gets_it()
    {
        Assert.IsTrue(await TakeAsync("första"));
        await ReleaseAsync("första");

        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => TakeAsync($"instans-{i}"))));

        Assert.AreEqual(1, taken.Count(t => t));
    }

    [TestMethod]
    public async Task A_held_lease_is_nobody_elses_and_not_its_holders_twice_until_given_back()
    {
        Assert.IsTrue(await TakeAsync("a"));
        Assert.IsFalse(await TakeAsync("b"));
        Assert.IsFalse(await TakeAsync("a"), "a second round of the same instance waits too");
        Assert.IsTrue(await TakeAsync("b", "kontaktcenter@sandbox.botkyrka.se"), "another mailbox is free");

        await ReleaseAsync("b"); // not b's to give back
        Assert.IsFalse(await TakeAsync("b"));
        await ReleaseAsync("a");
        Assert.IsTrue(await TakeAsync("b"));
    }

    [TestMethod]
    public async Task A_lease_its_holder_never_gave_back_is_anyones_once_it_has_run_out()
    {
        Assert.IsTrue(await TakeAsync("död-instans"));

        _clock.Now = Now + MailboxLeases.Length - TimeSpan.FromSeconds(1);
        Assert.IsFalse(await TakeAsync("b"), "a second before it runs out");
        _clock.Now = Now + MailboxLeases.Length + TimeSpan.FromSeconds(1);
        Assert.IsTrue(await TakeAsync("b"), "a second after");

        await using var scope = _api.Services.CreateAsyncScope();
        var lease = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<MailboxLease>().SingleAsync(l => l.Mailbox == Bygglov);
        Assert.AreEqual("b", lease.Holder);
        Assert.AreEqual(_clock.Now + MailboxLeases.Length, lease.Until);
    }
}

[TestClass]
public sealed class SqliteMailboxLeaseTests : MailboxLeaseTests
{
    protected override TestDatabase Provider => TestDatabase.Sqlite;
}

[TestClass]
public sealed class PostgresMailboxLeaseTests : MailboxLeaseTests
{
    protected override TestDatabase Provider => TestDatabase.Postgres;
}
