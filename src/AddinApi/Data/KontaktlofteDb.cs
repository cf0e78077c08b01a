using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Data;

/// <summary>
/// The product's database. It holds the least that serves (design.md, Data): never a message body, never a
/// personal identity number. It knows no feature: each feature keeps its entities and their
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside its code, and they are applied from the assembly. The
/// sandbox's stand-in mailboxes live in a database context of their own, so the production schema has none.
/// </summary>
public sealed class KontaktlofteDb(DbContextOptions<KontaktlofteDb> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's key ring (it encrypts the token cache), shared by every instance of the API.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time type that compares: store instants as Unix milliseconds so that the outbox
        // can ask "due before now" in SQL. PostgreSQL would keep timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
        }
    }

    // The sandbox's context configures its tables itself, so every configuration in the assembly is the product's.
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KontaktlofteDb).Assembly);
}
