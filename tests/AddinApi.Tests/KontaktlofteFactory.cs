using System.Net.Http.Headers;
using Kontaktlofte.AddinApi.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests;

/// <summary>
/// The API as it runs, on its own SQLite file, with the test authentication scheme as the default
/// (<see cref="TestAuthHandler"/>) unless <paramref name="sandboxIdentity"/> keeps the sandbox's own.
/// </summary>
public sealed class KontaktlofteFactory(
    bool sandboxIdentity = false,
    Dictionary<string, string?>? settings = null,
    DateTimeOffset? now = null,
    string? database = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    private readonly bool _ownDatabase = database is null;
    private readonly string _database = database ?? NewDatabasePath();

    /// <summary>A fresh SQLite file for one test's API (or for several in turn, to test a restart).</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"kontaktlofte-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Kontaktlofte", $"Data Source={_database};Pooling=False");
        // The watcher works in the background: on only where a test watches for it (WatcherTests), so that no other
        // test meets mail tracked behind its back.
        builder.UseSetting("Watcher:Enabled", "false");
        builder.UseSetting("Watcher:Digests", "false"); // the morning's reminders: on only where a test asks for them
        // One test user sends hundreds of requests in a second (the fuzzer, the races): the limit is tested on its own (WebSecurityTests).
        builder.UseSetting("Security:RateLimit:Enabled", "false");
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(new FixedClock(now ?? Tests.Drafts.Reviewing.Now));
            services?.Invoke(collection);
            if (sandboxIdentity) return;
            collection.AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        });
    }

    /// <summary>A client signed in with the given app roles (and the API scope).</summary>
    public HttpClient ClientAs(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, string.Join(',', roles));
        return client;
    }

    /// <summary>An official: the role every signed-in municipal employee has.</summary>
    public HttpClient Official() => ClientAs(Roles.Handlaggare);

    /// <summary>A client signed in as one of the seeded sandbox officials (the test scheme's user is their e-mail).</summary>
    public HttpClient SandboxOfficial(string email = "handlaggare@sandbox.botkyrka.se")
    {
        var client = Official();
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, email);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownDatabase && File.Exists(_database)) File.Delete(_database);
    }
}
