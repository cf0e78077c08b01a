using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Auth;

/// <summary>
/// The shared cache in the database (MSAL's token cache lives in it): what is written is read back by another instance,
/// expiry is kept to the second on both sides, and the last writer wins.
/// </summary>
public abstract class DatabaseCacheTests
{
    protected abstract TestDatabase Provider { get; }

    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private sealed class MovingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private string _database = null!;
    private readonly List<KontaktlofteFactory> _apis = [];

    [TestInitialize]
    public void Create() => _database = KontaktlofteFactory.NewDatabase(Provider);

    [TestCleanup]
    public async Task Remove()
    {
        foreach (var api in _apis) await api.DisposeAsync();
        if (Provider == TestDatabase.Sqlite && File.Exists(_database)) File.Delete(_database);
    }

    /// <summary>An instance of the API on the shared database, with its own clock.</summary>
    private (IDistributedCache Cache, MovingClock Clock) Instance()
    {
        var clock = new MovingClock(Start);
        var api = new KontaktlofteFactory(database: _database, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<DatabaseCache>();
        });
        _apis.Add(api);
        _ = api.CreateClient(); // migrates
        return (api.Services.GetRequiredService<DatabaseCache>(), clock);
    }

    private static readonly byte[] Session = [1, 2, 3, 4];

    [TestMethod]
    public async Task What_one_instance_writes_another_reads()
    {
        var (first, _) = Instance();
        var (second, _) = Instance();

        await first.SetAsync("session-1", Session, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(1) });

        CollectionAssert.AreEqual(Session, await second.GetAsync("session-1"));
        Assert.IsNull(await second.GetAsync("session-2"));
    }

    [TestMethod]
    public async Task A_sliding_entry_lives_as_long_as_it_is_read_and_not_a_second_more()
    {
        var (cache, clock) = Instance();
        await cache.SetAsync("s", Session, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });

        clock.Now = Start.AddMinutes(59);
        Assert.IsNotNull(await cache.GetAsync("s"), "read within the hour: it slides on from here");
        clock.Now = Start.AddMinutes(59 + 59);
        Assert.IsNotNull(await cache.GetAsync("s"), "an hour after the last read is still within");
        clock.Now = Start.AddMinutes(59 + 59 + 60);
        Assert.IsNull(await cache.GetAsync("s"), "exactly an hour untouched: gone");
    }

    [TestMethod]
    public async Task A_read_moves_the_end_on_only_in_steps_of_a_twentieth_of_the_window()
    {
        var (cache, clock) = Instance();
        await cache.SetAsync("s", Session, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });

        clock.Now = Start.AddMinutes(2).AddSeconds(59);
        await cache.GetAsync("s"); // would move the end by under 3 minutes: no write
        clock.Now = Start.AddMinutes(60);
        Assert.IsNull(await cache.GetAsync("s"), "the read just under a step did not move the end");

        await cache.SetAsync("t", Session, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        clock.Now = Start.AddMinutes(63);
        await cache.GetAsync("t"); // moves the end by exactly 3 minutes: written
        clock.Now = Start.AddMinutes(122);
        Assert.IsNotNull(await cache.GetAsync("t"), "the read a full step on moved the end to 123 minutes");
    }

    [TestMethod]
    public async Task An_absolute_end_holds_however_often_it_is_read()
    {
        var (cache, clock) = Instance();
        await cache.SetAsync("s", Session, new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromHours(1), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(90),
        });

        clock.Now = Start.AddMinutes(50);
        await cache.RefreshAsync("s");
        clock.Now = Start.AddMinutes(89);
        Assert.IsNotNull(await cache.GetAsync("s"));
        clock.Now = Start.AddMinutes(90);
        Assert.IsNull(await cache.GetAsync("s"), "the absolute end is the end");
    }

    [TestMethod]
    public async Task Writing_again_replaces_and_removing_forgets()
    {
        var (cache, _) = Instance();
        var options = new DistributedCacheEntryOptions { AbsoluteExpiration = Start.AddDays(1) };
        await cache.SetAsync("s", Session, options);

        await cache.SetAsync("s", [9], options);
        CollectionAssert.AreEqual(new byte[] { 9 }, await cache.GetAsync("s"));

        await cache.RemoveAsync("s");
        Assert.IsNull(await cache.GetAsync("s"));
    }

    [TestMethod]
    public async Task Expired_entries_are_purged_from_the_table_not_only_hidden()
    {
        var (cache, clock) = Instance();
        await cache.SetAsync("old", Session, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });

        clock.Now = Start.AddHours(1);
        await cache.SetAsync("new", Session, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });

        await using var scope = _apis[0].Services.CreateAsyncScope();
        var ids = scope.ServiceProvider.GetRequiredService<Kontaktlofte.AddinApi.Data.KontaktlofteDb>().Set<CacheEntry>().Select(e => e.Id).ToList();
        CollectionAssert.AreEquivalent(new[] { "new" }, ids, "a refresh token nobody can use any more is not kept");
    }

    [TestMethod]
    public async Task A_key_longer_than_the_column_is_a_fault_not_a_silent_loss()
    {
        var (cache, _) = Instance();

        await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync(new string('k', 257), Session,
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) }));
        await cache.SetAsync(new string('k', 256), Session, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
    }

    [TestMethod]
    public async Task An_entry_without_an_end_is_refused_and_one_already_past_is_not_kept()
    {
        var (cache, _) = Instance();

        await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync("s", Session, new DistributedCacheEntryOptions()));
        await cache.SetAsync("old", Session, new DistributedCacheEntryOptions { AbsoluteExpiration = Start });
        Assert.IsNull(await cache.GetAsync("old"));
    }

}

[TestClass]
public sealed class SqliteDatabaseCacheTests : DatabaseCacheTests
{
    protected override TestDatabase Provider => TestDatabase.Sqlite;
}

[TestClass]
public sealed class PostgresDatabaseCacheTests : DatabaseCacheTests
{
    protected override TestDatabase Provider => TestDatabase.Postgres;
}
