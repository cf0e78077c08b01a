using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The sandbox's stand-in for Exchange: its mailboxes, in tables of their own with migrations of their own, in the
/// same database file but never in the production schema (the context is registered only in sandbox mode).
/// </summary>
public sealed class SandboxDb(DbContextOptions<SandboxDb> options) : DbContext(options)
{
    public const string MigrationsHistory = "__SandboxMigrationsHistory";

    public DbSet<SandboxMail> SandboxMail => Set<SandboxMail>();
    public DbSet<SandboxSentMail> SandboxSentMail => Set<SandboxSentMail>();

    /// <summary>The next place in the change log (one writer at a time in SQLite: no two alike).</summary>
    public async Task<long> NextVersionAsync(CancellationToken cancel) =>
        (await SandboxMail.MaxAsync(m => (long?)m.Version, cancel) ?? 0) + 1;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SandboxMail>(mail =>
        {
            mail.Property(m => m.Id).HasMaxLength(64);
            mail.Property(m => m.Mailbox).HasMaxLength(320);
            mail.HasIndex(m => new { m.Mailbox, m.Version });
        });
        modelBuilder.Entity<SandboxSentMail>(mail => mail.HasIndex(m => m.InReplyTo));
    }
}
