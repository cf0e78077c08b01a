using System.Data.Common;
using Kontaktlofte.AddinApi.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The product's database, by its connection string: PostgreSQL (Npgsql) for a <c>Host=…</c> string — several instances
    /// of the API on one database — else a SQLite file. Each provider has its own committed migrations from the one model.
    /// </summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = ConnectionString(builder);
        if (IsPostgres(connectionString))
            builder.Services.AddDbContext<KontaktlofteDb, PostgresKontaktlofteDb>(db => db.UseNpgsql(connectionString));
        else
            builder.Services.AddDbContext<KontaktlofteDb>(db => db.UseSqlite(connectionString));
        return builder;
    }

    /// <summary><c>ConnectionStrings:Kontaktlofte</c>; a relative SQLite file anchored under the content root.</summary>
    public static string ConnectionString(WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Kontaktlofte") ?? "Data Source=data/kontaktlofte.db";
        return IsPostgres(connectionString) ? connectionString : AnchorSqliteFile(connectionString, builder.Environment.ContentRootPath);
    }

    /// <summary>A PostgreSQL connection string names its server (<c>Host</c>, or Npgsql's alias <c>Server</c>); SQLite's a file.</summary>
    public static bool IsPostgres(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.ContainsKey("Host") || keys.ContainsKey("Server");
    }

    /// <summary>A relative SQLite file lives under the content root, whatever folder the API was started from.</summary>
    private static string AnchorSqliteFile(string connectionString, string contentRoot)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(sqlite.DataSource) || sqlite.DataSource == ":memory:" || Path.IsPathRooted(sqlite.DataSource))
            return connectionString;
        sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        return sqlite.ToString();
    }

    /// <summary>Applies the committed migrations (of the provider in use).</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Database.MigrateAsync();
    }
}
