using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Data;

/// <summary>
/// The product's database. It holds the least that serves (design.md, Data): never a message body, never a
/// personal identity number. It knows no feature: each feature keeps its entities and their
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside its code, and they are applied from the assembly. The
/// sandbox's stand-in mailboxes live in a database context of their own, so the production schema has none.
/// On SQLite it is this context (migrations in <c>Data/Migrations</c>); on PostgreSQL <see cref="Postgres.PostgresKontaktlofteDb"/>,
/// the same model with migrations of its own (<c>Data/Postgres/Migrations</c>).
/// </summary>
public class KontaktlofteDb : DbContext, IDataProtectionKeyContext
{
    public KontaktlofteDb(DbContextOptions<KontaktlofteDb> options) : base(options) { }

    /// <summary>For a provider's own context, whose migrations are its own.</summary>
    protected KontaktlofteDb(DbContextOptions options) : base(options) { }

    /// <summary>ASP.NET Core's key ring (it encrypts the token cache), shared by every instance of the API.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        Instants.Configure(configurationBuilder, Database);

    // The sandbox's context configures its tables itself, so every configuration in the assembly is the product's.
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KontaktlofteDb).Assembly);
}

/// <summary>How each provider stores an instant so that SQL can compare them ("due before now").</summary>
public static class Instants
{
    public static void Configure(ModelConfigurationBuilder configurationBuilder, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database)
    {
        // SQLite has no time type that compares: Unix milliseconds. PostgreSQL keeps timestamptz, written in UTC.
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
        }
        else if (database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
        }
    }
}
