using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Sandbox.Postgres;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Watching;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The one switch for every local stand-in. Without an Entra tenant (<c>AzureAd:ClientId</c>) the API is in sandbox
/// mode: seeded users chosen with <c>X-Sandbox-User</c>, sandbox mailboxes, the sandbox page — and only in the
/// Development or Sandbox environment, so it can never run in Production. <c>Mailbox:Adapter</c> (Graph | Sandbox)
/// may pick the mailbox apart from the identity, which the tests of each adapter use.
/// </summary>
public static class SandboxMode
{
    public static bool IsOn(IConfiguration configuration) => !configuration.UsesEntraId();

    public static bool UsesSandboxMailbox(IConfiguration configuration) =>
        configuration[MailboxExtensions.AdapterSetting] is { Length: > 0 } adapter
            ? adapter.Equals("Sandbox", StringComparison.OrdinalIgnoreCase)
            : IsOn(configuration);

    /// <summary>
    /// Registers the stand-ins the configuration asks for; production code never sees them. Any stand-in — the
    /// identity, or the mailbox alone beside a real tenant — refuses to start outside Development and Sandbox: receipts
    /// that go nowhere while the promise says "acknowledged" must never happen in Production.
    /// </summary>
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        var adapter = builder.Configuration[MailboxExtensions.AdapterSetting];
        if (adapter is { Length: > 0 } && !adapter.Equals("Graph", StringComparison.OrdinalIgnoreCase) && !adapter.Equals("Sandbox", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{MailboxExtensions.AdapterSetting} ska vara Graph eller Sandbox, inte {adapter}.");
        var env = builder.Environment;
        var local = env.IsDevelopment() || env.IsEnvironment("Sandbox");
        if (IsOn(builder.Configuration))
        {
            if (!local)
                throw new InvalidOperationException(
                    $"Sandlådeidentiteten får bara användas i Development eller Sandbox, inte i {env.EnvironmentName}. " +
                    "Konfigurera AzureAd (Instance, TenantId, ClientId, ClientCredentials) för att köra i produktion.");
            builder.Services.AddAuthentication(SandboxAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, SandboxAuthenticationHandler>(SandboxAuthenticationHandler.SchemeName, null);
        }
        if (UsesSandboxMailbox(builder.Configuration))
        {
            if (!local)
                throw new InvalidOperationException(
                    $"Sandlådans brevlåda får bara användas i Development eller Sandbox, inte i {env.EnvironmentName}. Sätt {MailboxExtensions.AdapterSetting} till Graph.");
            var connectionString = DatabaseExtensions.ConnectionString(builder);
            if (DatabaseExtensions.IsPostgres(connectionString))
                builder.Services.AddDbContextPool<SandboxDb, PostgresSandboxDb>(db => db.UseNpgsql(connectionString,
                    postgres => postgres.MigrationsHistoryTable(SandboxDb.MigrationsHistory)));
            else
                builder.Services.AddDbContextPool<SandboxDb>(db => db.UseSqlite(connectionString,
                    sqlite => sqlite.MigrationsHistoryTable(SandboxDb.MigrationsHistory)));
            builder.Services.AddScoped<IMailbox, SandboxMailbox>();
            builder.Services.AddScoped<IMailboxFeed, SandboxFeed>();
            builder.Services.AddScoped<IBackgroundMail, SandboxBackgroundMail>();
            builder.Services.AddSingleton<IDirectory, SandboxDirectory>();
            builder.Services.AddSingleton<SandboxAutomaticReplies>();
            builder.Services.AddScoped<IOwnAutomaticReply, SandboxOwnAutomaticReply>();
            // A mail posted to a sandbox mailbox shows in the worklist within seconds, not after Graph's two minutes.
            if (builder.Configuration[$"{WatcherOptions.Section}:PollInterval"] is null)
                builder.Services.PostConfigure<WatcherOptions>(o => o.PollInterval = TimeSpan.FromSeconds(5));
        }
        return builder;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (!UsesSandboxMailbox(app.Configuration)) return app;
        app.MapGet("/", () => TypedResults.Redirect("/addin/sandbox.html")).AllowAnonymous().ExcludeFromDescription();
        app.MapSandboxMailbox();
        return app;
    }

    /// <summary>Creates the sandbox's tables and fills them the first time: officials, units, citizen mail and what was done with it.</summary>
    public static async Task SeedSandboxAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (IsOn(app.Configuration))
        {
            await SandboxSeed.SeedOfficialsAsync(services.GetRequiredService<KontaktlofteDb>());
            await SandboxSeed.SeedCoversAsync(services.GetRequiredService<KontaktlofteDb>(), services.GetRequiredService<TimeProvider>());
        }
        if (UsesSandboxMailbox(app.Configuration))
        {
            var sandbox = services.GetRequiredService<SandboxDb>();
            await sandbox.Database.MigrateAsync();
            var seeded = await SandboxSeed.SeedAsync(sandbox, services.GetRequiredService<WorkingDayCalendar>(), services.GetRequiredService<TimeProvider>());
            await SandboxSeed.SeedFunctionMailboxesAsync(services.GetRequiredService<KontaktlofteDb>());
            await SandboxHistory.WriteAsync(services, seeded);
        }
    }
}
