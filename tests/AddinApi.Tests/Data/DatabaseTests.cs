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
        Assert.AreEqual(6, await db.Officials.CountAsync(), "three sandbox users and three colleagues");
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
