using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The sandbox's stand-in for Exchange: its mailboxes, in tables of their own with migrations of their own, in the
/// same database but never in the production schema (the context is registered only in sandbox mode). On PostgreSQL it is
/// <see cref="Postgres.PostgresSandboxDb"/>, with migrations of its own.
/// </summary>
public class SandboxDb : DbContext
{
    public SandboxDb(DbContextOptions<SandboxDb> options) : base(options) { }

    /// <summary>For a provider's own context, whose migrations are its own.</summary>
    protected SandboxDb(DbContextOptions options) : base(options) { }

    public const string MigrationsHistory = "__SandboxMigrationsHistory";

    public DbSet<SandboxMail> SandboxMail => Set<SandboxMail>();
    public DbSet<SandboxSentMail> SandboxSentMail => Set<SandboxSentMail>();

    /// <summary>The next place in the change log (one writer at a time in SQLite: no two alike).</summary>
    public async Task<long> NextVersionAsync(CancellationToken cancel) =>
        (await SandboxMail.MaxAsync(m => (long?)m.Version, cancel) ?? 0) + 1;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        Instants.Configure(configurationBuilder, Database);

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
