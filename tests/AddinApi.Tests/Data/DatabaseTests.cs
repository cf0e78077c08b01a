using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Data.Postgres;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Data;

/// <summary>The schema on each provider: SQLite (<see cref="SqliteDatabaseTests"/>) and PostgreSQL (<see cref="PostgresDatabaseTests"/>).</summary>
public abstract class DatabaseTests
{
    protected abstract TestDatabase Provider { get; }

    [TestMethod]
    public async Task The_committed_migrations_are_applied_at_start_and_match_the_model()
    {
        using var api = new KontaktlofteFactory(provider: Provider);
        _ = api.CreateClient();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();

        Assert.IsEmpty((await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.IsFalse(db.Database.HasPendingModelChanges(), "the model has changed without a migration");
        Assert.AreEqual(12, await db.Officials.CountAsync(), "three sandbox users and nine colleagues (eight in Elin Sandberg's unit, one elsewhere)");
    }

    [TestMethod]
    public async Task The_sandbox_has_its_own_migrations_and_the_production_schema_no_sandbox_table()
    {
        using var api = new KontaktlofteFactory(provider: Provider);
        _ = api.CreateClient();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        var sandbox = scope.ServiceProvider.GetRequiredService<Sandbox.SandboxDb>();

        Assert.IsFalse(db.Model.GetEntityTypes().Any(t => t.ClrType.Namespace!.EndsWith(".Sandbox", StringComparison.Ordinal)),
            "the product's model holds no sandbox entity");
        Assert.IsEmpty((await sandbox.Database.GetPendingMigrationsAsync()).ToList());
        Assert.IsFalse(sandbox.Database.HasPendingModelChanges(), "the sandbox's model has changed without a migration");
        Assert.IsTrue(await sandbox.SandboxMail.AnyAsync(), "seeded");
    }

    [TestMethod]
    public async Task A_production_database_migrated_alone_has_no_sandbox_table()
    {
        var tables = await ProductionTablesAsync();

        CollectionAssert.IsSubsetOf(new[] { "Messages", "Acknowledgements", "Outbox", "Officials", "Units" }, tables);
        Assert.IsFalse(tables.Any(t => t.StartsWith("Sandbox", StringComparison.Ordinal)), string.Join(", ", tables));
    }

    /// <summary>The tables of an empty database after the product's own migrations, without the sandbox's.</summary>
    protected abstract Task<List<string>> ProductionTablesAsync();

    [TestMethod]
    public async Task An_official_is_stored_once_per_email()
    {
        using var api = new KontaktlofteFactory(provider: Provider);
        _ = api.CreateClient();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();

        db.Officials.Add(new Official { Email = "handlaggare@sandbox.botkyrka.se", Name = "Dubblett" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

[TestClass]
public sealed class SqliteDatabaseTests : DatabaseTests
{
    protected override TestDatabase Provider => TestDatabase.Sqlite;

    protected override async Task<List<string>> ProductionTablesAsync()
    {
        var path = KontaktlofteFactory.NewDatabasePath();
        try
        {
            var options = new DbContextOptionsBuilder<KontaktlofteDb>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using var db = new KontaktlofteDb(options);
            await db.Database.MigrateAsync();
            return await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task A_sqlite_connection_string_runs_the_sqlite_context_and_its_migrations()
    {
        using var api = new KontaktlofteFactory(provider: Provider);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();

        Assert.AreEqual(typeof(KontaktlofteDb), db.GetType());
        Assert.IsTrue(db.Database.IsSqlite());
        CollectionAssert.Contains(db.Database.GetMigrations().ToList(), "20261128175117_Foundation");
    }
}

[TestClass]
public sealed class PostgresDatabaseTests : DatabaseTests
{
    protected override TestDatabase Provider => TestDatabase.Postgres;

    protected override async Task<List<string>> ProductionTablesAsync()
    {
        var options = new DbContextOptionsBuilder<PostgresKontaktlofteDb>().UseNpgsql(PostgresServer.Instance.NewEmptyDatabase()).Options;
        await using var db = new PostgresKontaktlofteDb(options);
        await db.Database.MigrateAsync();
        return await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
    }

    [TestMethod]
    public async Task A_postgres_connection_string_runs_the_postgres_context_and_its_own_migrations()
    {
        using var api = new KontaktlofteFactory(provider: Provider);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();

        Assert.AreEqual(typeof(PostgresKontaktlofteDb), db.GetType());
        Assert.IsTrue(db.Database.IsNpgsql());
        var migrations = db.Database.GetMigrations().ToList();
        Assert.IsFalse(migrations.Contains("20261128175117_Foundation"), "SQLite's migrations are not PostgreSQL's");
        Assert.IsNotEmpty(migrations);
    }

    [TestMethod]
    public async Task An_instant_in_Swedish_time_is_stored_and_compared_as_the_same_instant()
    {
        using var api = new KontaktlofteFactory(provider: Provider);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        // A forwarded mail's "Skickat:" is read in Swedish time: Npgsql alone refuses any offset but zero.
        var swedish = new DateTimeOffset(2026, 11, 27, 16, 5, 0, TimeSpan.FromHours(1));
        db.AuditEvents.Add(new AuditEvent { At = swedish, Actor = "test", Action = "test.instant", Target = "x" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var stored = await db.AuditEvents.SingleAsync(a => a.Action == "test.instant");
        Assert.AreEqual(swedish, stored.At, "the same instant");
        Assert.AreEqual(TimeSpan.Zero, stored.At.Offset, "read back in UTC, as SQLite's Unix milliseconds are");
        Assert.IsTrue(await db.AuditEvents.AnyAsync(a => a.Action == "test.instant" && a.At >= swedish.AddMinutes(-1) && a.At < swedish.AddMinutes(1)),
            "a parameter in Swedish time compares with the stored instant");
        Assert.IsFalse(await db.AuditEvents.AnyAsync(a => a.Action == "test.instant" && a.At > swedish));
    }
}
