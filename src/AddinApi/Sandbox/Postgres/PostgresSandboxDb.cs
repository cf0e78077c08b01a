using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kontaktlofte.AddinApi.Sandbox.Postgres;

/// <summary>The sandbox's mailboxes on PostgreSQL: the model of <see cref="SandboxDb"/>, with migrations of its own.</summary>
public sealed class PostgresSandboxDb(DbContextOptions<PostgresSandboxDb> options) : SandboxDb(options);

/// <summary>For <c>dotnet ef migrations add … --context PostgresSandboxDb</c>.</summary>
internal sealed class PostgresSandboxDbDesignTime : IDesignTimeDbContextFactory<PostgresSandboxDb>
{
    public PostgresSandboxDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresSandboxDb>()
        .UseNpgsql("Host=localhost;Database=kontaktlofte", postgres => postgres.MigrationsHistoryTable(SandboxDb.MigrationsHistory)).Options);
}
