using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Data;

public static class DatabaseExtensions
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = ConnectionString(builder);
        builder.Services.AddDbContext<KontaktlofteDb>(db => db.UseSqlite(connectionString));
        return builder;
    }

    /// <summary><c>ConnectionStrings:Kontaktlofte</c>, a relative SQLite file anchored under the content root.</summary>
    public static string ConnectionString(WebApplicationBuilder builder) => AnchorSqliteFile(
        builder.Configuration.GetConnectionString("Kontaktlofte") ?? "Data Source=data/kontaktlofte.db", builder.Environment.ContentRootPath);

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

    /// <summary>Applies the committed migrations.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Database.MigrateAsync();
    }
}
