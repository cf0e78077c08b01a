using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Data;

[TestClass]
public sealed class DatabaseTests
{
    [TestMethod]
    public async Task The_committed_migrations_are_applied_at_start_and_match_the_model()
    {
        using var api = new KontaktlofteFactory();
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
        using var api = new KontaktlofteFactory();
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
        var path = KontaktlofteFactory.NewDatabasePath();
        try
        {
            var options = new DbContextOptionsBuilder<KontaktlofteDb>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using var db = new KontaktlofteDb(options);
            await db.Database.MigrateAsync();
            var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();

            CollectionAssert.IsSubsetOf(new[] { "Messages", "Acknowledgements", "Outbox", "Officials", "Units" }, tables);
            Assert.IsFalse(tables.Any(t => t.StartsWith("Sandbox", StringComparison.Ordinal)), string.Join(", ", tables));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task An_official_is_stored_once_per_email()
    {
        using var api = new KontaktlofteFactory();
        _ = api.CreateClient();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();

        db.Officials.Add(new Official { Email = "handlaggare@sandbox.botkyrka.se", Name = "Dubblett" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
