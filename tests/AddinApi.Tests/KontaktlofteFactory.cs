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
public sealed class KontaktlofteFactory(bool sandboxIdentity = false, Dictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"kontaktlofte-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Kontaktlofte", $"Data Source={_database};Pooling=False");
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FixedClock(Tests.Drafts.Reviewing.Now));
            if (sandboxIdentity) return;
            services.AddAuthentication(TestAuthHandler.SchemeName)
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (File.Exists(_database)) File.Delete(_database);
    }
}
