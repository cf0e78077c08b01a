using Kontaktlofte.AddinApi.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Data;

public static class DatabaseExtensions
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Kontaktlofte")
            ?? "Data Source=data/kontaktlofte.db";
        connectionString = AnchorSqliteFile(connectionString, builder.Environment.ContentRootPath);
        builder.Services.AddDbContext<KontaktlofteDb>(db => db.UseSqlite(connectionString));
        return builder;
    }

    /// <summary>A relative SQLite file lives under the content root, whatever folder the API was started from.</summary>
    private static string AnchorSqliteFile(string connectionString, string contentRoot)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(sqlite.DataSource) || sqlite.DataSource == ":memory:" || Path.IsPathRooted(sqlite.DataSource))
            return connectionString;
        sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        return sqlite.ToString();
    }

    /// <summary>Applies the committed migrations, and in sandbox mode seeds the sandbox users and units.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        await db.Database.MigrateAsync();
        if (!app.Configuration.UsesEntraId())
            await SeedSandboxOfficialsAsync(db);
    }

    private static async Task SeedSandboxOfficialsAsync(KontaktlofteDb db)
    {
        foreach (var user in SandboxUsers.All.Concat(SandboxUsers.Colleagues))
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Name == user.Unit)
                ?? db.Units.Add(new Unit { Name = user.Unit }).Entity;
            var official = await db.Officials.FirstOrDefaultAsync(o => o.Email == user.Email);
            if (official is null)
                db.Officials.Add(new Official { Email = user.Email, Name = user.Name, Title = user.Title, Phone = user.Phone, Unit = unit });
            await db.SaveChangesAsync();
        }
    }
}
