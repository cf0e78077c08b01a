using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Distributed;

namespace Kontaktlofte.AddinApi.Auth;

/// <summary>
/// One entry of the shared cache: MSAL's serialized token cache of one user or long-running session (encrypted with
/// ASP.NET Core Data Protection before it gets here). Never a mail body.
/// </summary>
public sealed class CacheEntry
{
    public required string Id { get; set; }
    public required byte[] Value { get; set; }
    /// <summary>When it is gone unless read again (sliding) — never after <see cref="AbsoluteExpiresAt"/>.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AbsoluteExpiresAt { get; set; }
    public long? SlidingSeconds { get; set; }
}

internal sealed class CacheEntryConfiguration : IEntityTypeConfiguration<CacheEntry>
{
    public void Configure(EntityTypeBuilder<CacheEntry> entry)
    {
        entry.ToTable("Cache");
        entry.Property(e => e.Id).HasMaxLength(DatabaseCache.MaxKeyLength);
        entry.HasIndex(e => e.ExpiresAt);
    }
}

/// <summary>
/// <see cref="IDistributedCache"/> in the product's own database, so that the long-running on-behalf-of sessions the
/// outbox needs survive a restart and are shared by every instance (SQLite now, PostgreSQL in production). No package
/// serves both: Microsoft's SQL Server cache is for SQL Server, NeoSmart's for SQLite only, and a second store would be
/// one more thing to back up and secure. Expired entries are removed when read, and in bulk at most every 30 minutes.
/// </summary>
internal sealed class DatabaseCache(IServiceScopeFactory scopes, TimeProvider clock) : IDistributedCache
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(30);
    public const int MaxKeyLength = 256;
    /// <summary>UTC ticks of the next bulk purge; shared by every request (the cache is a singleton).</summary>
    private long _nextPurge;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        var entry = await db.Set<CacheEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == key, token);
        if (entry is null) return null;
        var now = clock.GetUtcNow();
        if (entry.ExpiresAt <= now)
        {
            await db.Set<CacheEntry>().Where(e => e.Id == key && e.ExpiresAt <= now).ExecuteDeleteAsync(token);
            return null;
        }
        await SlideAsync(db, entry, now, token);
        return entry.Value;
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        var entry = await db.Set<CacheEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == key, token);
        if (entry is not null && entry.ExpiresAt > clock.GetUtcNow()) await SlideAsync(db, entry, clock.GetUtcNow(), token);
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<CacheEntry>().Where(e => e.Id == key).ExecuteDeleteAsync(token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        // MSAL's keys are short (a hash, a session key, an account id); a longer one is a fault to see, not to lose silently.
        if (key.Length > MaxKeyLength) throw new ArgumentException($"Nyckeln är längre än {MaxKeyLength} tecken.", nameof(key));
        var now = clock.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (now + options.AbsoluteExpirationRelativeToNow);
        var sliding = options.SlidingExpiration;
        if (absolute is null && sliding is null)
            throw new ArgumentException("Ett värde i den delade cachen måste ha en utgångstid.", nameof(options));
        if (absolute <= now) { await RemoveAsync(key, token); return; }
        var expires = Earliest(now + sliding, absolute);
        var seconds = sliding is { } s ? (long?)Math.Max(1, (long)s.TotalSeconds) : null;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        await PurgeAsync(db, now, token);
        if (await UpdateAsync(db, key, value, expires, absolute, seconds, token) == 1) return;
        try
        {
            db.Set<CacheEntry>().Add(new CacheEntry { Id = key, Value = value, ExpiresAt = expires, AbsoluteExpiresAt = absolute, SlidingSeconds = seconds });
            await db.SaveChangesAsync(token);
        }
        catch (DbUpdateException)
        {
            // Another instance wrote the same key between our update and insert: the last writer wins, as in any cache.
            db.ChangeTracker.Clear();
            await UpdateAsync(db, key, value, expires, absolute, seconds, token);
        }
    }

    private static Task<int> UpdateAsync(KontaktlofteDb db, string key, byte[] value, DateTimeOffset expires, DateTimeOffset? absolute, long? seconds,
        CancellationToken token) =>
        db.Set<CacheEntry>().Where(e => e.Id == key).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Value, value).SetProperty(e => e.ExpiresAt, expires)
            .SetProperty(e => e.AbsoluteExpiresAt, absolute).SetProperty(e => e.SlidingSeconds, seconds), token);

    /// <summary>
    /// Moves a sliding entry's end on — in steps of at least a twentieth of its window (a minute at least): a read is a
    /// write only now and then, not before every Graph token (a day's window moves at most every 72 minutes).
    /// </summary>
    private static async Task SlideAsync(KontaktlofteDb db, CacheEntry entry, DateTimeOffset now, CancellationToken token)
    {
        if (entry.SlidingSeconds is not { } seconds) return;
        var window = TimeSpan.FromSeconds(seconds);
        var expires = Earliest(now + window, entry.AbsoluteExpiresAt);
        var step = window / 20 > TimeSpan.FromMinutes(1) ? window / 20 : TimeSpan.FromMinutes(1);
        if (expires - entry.ExpiresAt >= step)
            await db.Set<CacheEntry>().Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, expires), token);
    }

    private async Task PurgeAsync(KontaktlofteDb db, DateTimeOffset now, CancellationToken token)
    {
        var due = Interlocked.Read(ref _nextPurge);
        // One request purges; the others see the next time already moved on.
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurge, (now + PurgeEvery).UtcTicks, due) != due) return;
        await db.Set<CacheEntry>().Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(token);
    }

    private static DateTimeOffset Earliest(DateTimeOffset? sliding, DateTimeOffset? absolute) =>
        (sliding, absolute) switch
        {
            ({ } s, { } a) => s < a ? s : a,
            ({ } s, null) => s,
            (null, { } a) => a,
            _ => throw new ArgumentException("Ingen utgångstid."),
        };
}
