using BenchmarkDotNet.Attributes;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Benchmarks;

/// <summary>
/// The token cache in the database: MSAL reads it before every Graph token inside a request (no copy in memory, so that
/// instances never disagree) and writes it after every exchange with Entra. An OBO cache blob is a few kilobytes
/// (8 KB here, encrypted). Goal: a read well under a millisecond next to a Graph call's tens of milliseconds.
/// </summary>
[MemoryDiagnoser]
public class TokenCacheBenchmarks
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kontaktlofte-bench-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private DatabaseCache _cache = null!;
    private readonly byte[] _blob = new byte[8 * 1024];
    private readonly DistributedCacheEntryOptions _day = new() { SlidingExpiration = TimeSpan.FromDays(1) };

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddDbContext<KontaktlofteDb>(db => db.UseSqlite($"Data Source={_file}"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseCache>();
        _services = services.BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Database.MigrateAsync();
        _cache = _services.GetRequiredService<DatabaseCache>();
        Random.Shared.NextBytes(_blob);
        for (var i = 0; i < 1000; i++) await _cache.SetAsync($"session-{i}", _blob, _day); // a day of an office's sessions
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Description = "read a session (sliding: touches its expiry)")]
    public Task<byte[]?> Read() => _cache.GetAsync("session-500");

    [Benchmark(Description = "write a session back after a token exchange")]
    public Task Write() => _cache.SetAsync("session-500", _blob, _day);

    [Benchmark(Description = "a key that is not there (a lost session)")]
    public Task<byte[]?> Miss() => _cache.GetAsync("session-none");
}
