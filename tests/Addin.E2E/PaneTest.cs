using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>One sandbox site and one Chromium for the whole run: each test class of the pane shares them.</summary>
[TestClass]
public static class BrowserSession
{
    public static SandboxSite Site { get; private set; } = null!;
    public static IBrowser Browser { get; private set; } = null!;
    private static IPlaywright _playwright = null!;

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext _)
    {
        // CI runs the API tests beside these on two cores: give assertions time, and warm the API up first.
        Assertions.SetDefaultExpectTimeout(30_000);
        Site = SandboxSite.Start();
        await Site.WarmUpAsync();
        using var api = Site.Api();
        await api.GetStringAsync("/api/labels");
        await api.GetStringAsync("/api/answer-dates");
        (_playwright, Browser) = await SandboxSite.LaunchChromiumAsync();
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Site.Dispose();
    }
}

/// <summary>
/// A fresh browser context on the sandbox page for each test, as an official in Stockholm would see it; on failure
/// the pane's text and a screenshot go to the log.
/// </summary>
public abstract class PaneTest
{
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _requested = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _refusedByPolicy = [];

    protected static SandboxSite Site => BrowserSession.Site;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    protected IReadOnlyCollection<string> Requested => _requested;
    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public async Task OpenAsync()
    {
        Context = await BrowserSession.Browser.NewContextAsync(new() { Locale = "sv-SE", TimezoneId = "Europe/Stockholm", ViewportSize = new() { Width = 1500, Height = 950 } });
        Context.SetDefaultTimeout(30_000);
        // Nothing leaves this machine: any request that is not to the sandbox fails at once.
        await Context.RouteAsync("**/*", route => route.Request.Url.StartsWith(Site.BaseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        Page = await Context.NewPageAsync();
        Context.Request += (_, request) => _requested.Add(request.Url);
        // The API's Content-Security-Policy is in force here as in Outlook: anything it refuses fails the test.
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) _refusedByPolicy.Add(message.Text);
        };
        await BeforeFirstPageAsync();
        await Page.GotoAsync(Site.BaseUrl + "/");
    }

    /// <summary>What a test needs before the sandbox page first loads (a fake clock, for one).</summary>
    protected virtual Task BeforeFirstPageAsync() => Task.CompletedTask;

    [TestCleanup]
    public async Task CloseAsync()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
        {
            // What the official would have seen, for the CI log: the pane's text and a screenshot.
            var frame = Page.Frames.FirstOrDefault(f => f.Url.Contains("taskpane.html", StringComparison.Ordinal));
            TestContext.WriteLine("Task pane: " + (frame is null ? "(not loaded)" : await frame.InnerTextAsync("body")));
            var file = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"{TestContext.TestName}.png");
            await Page.ScreenshotAsync(new() { Path = file });
            TestContext.AddResultFile(file);
        }
        await Context.DisposeAsync();
        Assert.IsEmpty(_refusedByPolicy, "refused by the Content-Security-Policy: " + string.Join(" | ", _refusedByPolicy));
    }

    protected IFrameLocator Pane => Page.FrameLocator("#task-pane");

    /// <summary>With KONTAKTLOFTE_SCREENSHOTS set to a folder, the tests leave the README's screenshots there.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("KONTAKTLOFTE_SCREENSHOTS") is { Length: > 0 } folder)
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }

    // Frames with mail HTML run no script (sandbox=""), so axe cannot enter them and would wait for ever; their
    // content is the API's or the citizen's, and the frames themselves carry titles.
    private static readonly AxeRunContext MailFramesLeftOut = new()
    {
        Exclude = [new AxeSelector("iframe.mail-body"), new AxeSelector("iframe.preview-frame", ["#task-pane"])],
    };

    private static readonly AxeRunOptions WcagAA = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    /// <summary>axe-core over the page and the pane's iframe: the serious and critical WCAG 2.1 AA violations, as lines.</summary>
    protected async Task<List<string>> SeriousAxeViolationsAsync(string where)
    {
        var result = await Page.RunAxe(MailFramesLeftOut, WcagAA);
        Assert.IsTrue(result.Passes.SelectMany(p => p.Nodes).Any(n => n.Target?.ToString()?.Contains("#task-pane", StringComparison.Ordinal) == true),
            "the pane's iframe was checked too");
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
    }

    protected async Task<string> OpenMessageAsync(string subject)
    {
        var button = Page.Locator("button.message", new() { HasText = subject });
        var id = (await button.GetAttributeAsync("data-id"))!;
        await SelectAsync(button, id);
        return id;
    }

    /// <summary>
    /// Selects a message and waits until the pane beside it asks for its promise: until then the pane of the message
    /// selected before is still there, and a field filled in it would be lost with it.
    /// </summary>
    private async Task SelectAsync(ILocator button, string id) =>
        await Page.RunAndWaitForRequestAsync(() => button.ClickAsync(),
            request => request.Url.Contains($"/api/messages/{Uri.EscapeDataString(id)}/promise", StringComparison.Ordinal));

    /// <summary>A citizen's mail of this test's own, so that no other test has acknowledged or recategorised it.</summary>
    protected async Task<string> ReceiveAsync(string subject, string body)
    {
        using var api = Site.Api();
        var response = await api.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Elin Andersson", address = "elin.andersson@example.se" }, subject, bodyText = body,
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inkorg" }).ClickAsync();
        await SelectAsync(Page.Locator($"button.message[data-id='{id}']"), id);
        return id;
    }

    protected static async Task<List<JsonElement>> SentAsync()
    {
        using var api = Site.Api();
        return (await api.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!;
    }

    protected static async Task<JsonElement> GetAsync(string path)
    {
        using var api = Site.Api();
        return await api.GetFromJsonAsync<JsonElement>(path);
    }

    protected static async Task<int> RepliesToAsync(string id) =>
        (await SentAsync()).Count(s => s.GetProperty("inReplyTo").GetString() == id);

    /// <summary>Answers a seeded message in the sandbox's editor, with own text after the greeting.</summary>
    protected async Task<string> StartReplyAsync(string subject, string ownText, string message = "Fråga om plats i förskola")
    {
        var id = await OpenMessageAsync(message);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Svara" }).ClickAsync();
        await Page.GetByLabel("Ämne").FillAsync(subject);
        var body = Page.GetByRole(AriaRole.Textbox, new() { Name = "Meddelande", Exact = true });
        var text = await body.InputValueAsync();
        var greetingEnd = text.IndexOf("!\n\n", StringComparison.Ordinal) + 3;
        await body.FillAsync(text[..greetingEnd] + ownText + "\n" + text[greetingEnd..]);
        return id;
    }

    /// <summary>Replaces everything above the signature, the greeting too.</summary>
    protected async Task WriteOwnTextAsync(string ownText)
    {
        var body = Page.GetByRole(AriaRole.Textbox, new() { Name = "Meddelande", Exact = true });
        var text = await body.InputValueAsync();
        await body.FillAsync(ownText + "\n\n" + text[text.IndexOf("Med vänlig hälsning", StringComparison.Ordinal)..]);
    }
}
