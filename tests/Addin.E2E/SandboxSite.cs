using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// The API in sandbox mode on a real loopback port (Kestrel), its own SQLite file, and headless Chromium: the
/// machine's own (PLAYWRIGHT_CHROMIUM_EXECUTABLE, or /usr/bin/chromium) when it has one, else the one this project's
/// restore brings from npm (see <see cref="Chromium"/>). Office.js is never fetched: the sandbox page gives the task
/// pane its Office stub, so nothing reaches the internet.
/// </summary>
public sealed class SandboxSite : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"kontaktlofte-e2e-{Guid.NewGuid():N}.db");

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Kontaktlofte", $"Data Source={_database};Pooling=False");
        // The whole suite is three sandbox users in parallel browser contexts: dozens of one official's panes at once, which
        // no official has. The limit stays on, scaled to that; its sizing for one official is tested in WebSecurityTests.
        builder.UseSetting("Security:RateLimit:PerSecond", "1000");
        builder.UseSetting("Security:RateLimit:Burst", "10000");
    }

    public static SandboxSite Start()
    {
        var site = new SandboxSite();
        site.UseKestrel(0);
        site.StartServer();
        site.BaseUrl = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        return site;
    }

    public HttpClient Api() => new() { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Runs each kind of call once, so that the first page does not wait for the JIT and the first queries.</summary>
    public async Task WarmUpAsync()
    {
        using var api = Api();
        var messages = await api.GetStringAsync("/api/sandbox/messages");
        var id = System.Text.Json.JsonDocument.Parse(messages).RootElement[0].GetProperty("id").GetString();
        await api.GetStringAsync($"/api/messages/{id}/promise");
        await api.GetStringAsync("/api/me");
        await api.GetStringAsync("/api/calendar?from=2026-01-01&to=2026-03-01");
        await api.PostAsync("/api/drafts/review", new StringContent("{\"bodyText\":\"Hej\"}", System.Text.Encoding.UTF8, "application/json"));
        await api.GetStringAsync("/addin/taskpane.js");
    }

    public static async Task<(IPlaywright, IBrowser)> LaunchChromiumAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = Chromium.Find();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium.ExecutablePath,
            Env = chromium.Environment,
            Headless = true,
            // This machine's network is closed: no background connections, no component updates.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (File.Exists(_database)) File.Delete(_database);
    }
}
