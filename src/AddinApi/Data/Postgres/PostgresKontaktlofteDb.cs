using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kontaktlofte.AddinApi.Data.Postgres;

/// <summary>
/// The product's database on PostgreSQL: the same model as <see cref="KontaktlofteDb"/>, a context type of its own so that
/// EF Core keeps its migrations apart from SQLite's (EF Core's "migrations with multiple providers", one context type per
/// provider). Services ask for <see cref="KontaktlofteDb"/> and get this one when the connection string is PostgreSQL's.
/// </summary>
public sealed class PostgresKontaktlofteDb(DbContextOptions<PostgresKontaktlofteDb> options) : KontaktlofteDb(options);

/// <summary>For <c>dotnet ef migrations add … --context PostgresKontaktlofteDb</c>: no server is needed to write a migration.</summary>
internal sealed class PostgresKontaktlofteDbDesignTime : IDesignTimeDbContextFactory<PostgresKontaktlofteDb>
{
    public PostgresKontaktlofteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKontaktlofteDb>().UseNpgsql("Host=localhost;Database=kontaktlofte").Options);
}
