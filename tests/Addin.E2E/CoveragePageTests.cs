using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// The coverage page outside Outlook (/coverage) in the sandbox: a unit head in an ordinary browser sees the unit with
/// its gaps first, sets a cover, reads the follow-up (table, chart with its words) and downloads the CSV; the page is
/// reachable by keyboard from its skip link and has no serious WCAG 2.1 AA violation; an official is told, in Swedish,
/// that the page is for unit heads.
/// </summary>
[TestClass]
public sealed partial class CoveragePageTests
{
    private const string Tobias = "tobias.wallin@sandbox.botkyrka.se";
    private static SandboxSite Site => BrowserSession.Site;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _requested = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _refusedByPolicy = [];
    private IBrowserContext _context = null!;
    private IPage Page { get; set; } = null!;
    public TestContext TestContext { get; set; } = null!;

    private ILocator Members => Page.Locator("#coverage-members tbody tr");

    [TestInitialize]
    public async Task OpenAsync()
    {
        _context = await BrowserSession.Browser.NewContextAsync(new() { Locale = "sv-SE", TimezoneId = "Europe/Stockholm", ViewportSize = new() { Width = 1440, Height = 900 } });
        _context.SetDefaultTimeout(30_000);
        await _context.RouteAsync("**/*", route => route.Request.Url.StartsWith(Site.BaseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        _context.Request += (_, request) => _requested.Add(request.Url);
        Page = await _context.NewPageAsync();
        // The API's Content-Security-Policy is in force as it is for the pane: anything it refuses fails the test.
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) _refusedByPolicy.Add(message.Text);
        };
        await Page.GotoAsync(Site.BaseUrl + "/coverage");
    }

    [TestCleanup]
    public async Task CloseAsync()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
        {
            TestContext.WriteLine("Page: " + await Page.InnerTextAsync("body"));
            var file = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"{TestContext.TestName}.png");
            await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
            TestContext.AddResultFile(file);
        }
        await _context.DisposeAsync();
        // The seeded unit as it was: other tests expect Tobias Wallin's gap.
        using var api = Site.Api();
        api.DefaultRequestHeaders.Add("X-Sandbox-User", "enhetschef@sandbox.botkyrka.se");
        await api.PutAsJsonAsync($"/api/units/mine/members/{Tobias}/cover", new { coverId = (string?)null, from = (string?)null, to = (string?)null });
        Assert.IsEmpty(_refusedByPolicy, "refused by the Content-Security-Policy: " + string.Join(" | ", _refusedByPolicy));
    }

    private static readonly AxeRunOptions WcagAA = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    private async Task<List<string>> SeriousAxeViolationsAsync(string where) =>
        (await Page.RunAxe(WcagAA)).Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();

    [TestMethod]
    public async Task A_head_in_a_browser_sees_the_gaps_first_sets_a_cover_and_reads_and_downloads_the_follow_up()
    {
        // The page's own header: the product, who is signed in (the sandbox's chooser, the head by default), one main.
        await Assertions.Expect(Page).ToHaveTitleAsync("Enhetens bevakning – Kontaktlöfte");
        await Assertions.Expect(Page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Kontaktlöfte");
        await Assertions.Expect(Page.GetByLabel("Inloggad som")).ToHaveValueAsync("enhetschef@sandbox.botkyrka.se");
        await Assertions.Expect(Page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Enhetens bevakning", Level = 1 })).ToBeVisibleAsync();

        // Open at once, no disclosure; the API's order: gaps first, in words beside the colour.
        await Assertions.Expect(Page.Locator("#coverage-toggle")).ToHaveCountAsync(0);
        await Assertions.Expect(Members).ToHaveCountAsync(9);
        await Assertions.Expect(Members.First).ToHaveAttributeAsync("data-flagged", "true");
        await Assertions.Expect(Members.First.Locator(".flag")).ToHaveTextAsync("! Lucka");
        var tobias = Members.Filter(new() { Has = Page.Locator("th", new() { HasText = "Tobias Wallin" }) });
        await Assertions.Expect(tobias).ToHaveAttributeAsync("data-flagged", "true");
        var flagged = await Members.EvaluateAllAsync<bool[]>("rows => rows.map(r => r.dataset.flagged === 'true')");
        CollectionAssert.AreEqual(flagged.OrderByDescending(f => f).ToArray(), flagged, "every gap above every row without one");
        await Assertions.Expect(Page.Locator("#coverage-mailboxes")).ToContainTextAsync("bygglov-tillsyn@sandbox.botkyrka.se");

        // The follow-up: eight weeks in a table, and the chart with the same numbers in its words.
        await Assertions.Expect(Page.Locator("#promise-table tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(Page.Locator("#promise-chart")).ToHaveAttributeAsync("aria-label", ChartLabel());
        await Assertions.Expect(Page.Locator("#promise-chart rect.bar")).ToHaveCountAsync(8);
        var csv = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Ladda ner CSV" }).ClickAsync());
        StringAssert.EndsWith(csv.SuggestedFilename, ".csv");
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.IsGreaterThanOrEqualTo(9, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "a header and eight weeks:\n" + text);
        await Assertions.Expect(Page.Locator("#promise-report-status")).ToContainTextAsync("är nedladdad");
        if (Environment.GetEnvironmentVariable("KONTAKTLOFTE_SCREENSHOTS") is { Length: > 0 } folder)
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "coverage-page.png"), FullPage = true });
        var serious = await SeriousAxeViolationsAsync("coverage page");

        // The wide page: the follow-up beside the tables, not under them.
        var tables = (await Page.Locator("#coverage-members").BoundingBoxAsync())!;
        var report = (await Page.Locator("#promise-report").BoundingBoxAsync())!;
        Assert.IsGreaterThanOrEqualTo(tables.X + tables.Width, report.X, "the report stands to the right of the members");

        await tobias.GetByRole(AriaRole.Button, new() { Name = "Sätt ersättare" }).ClickAsync();
        var form = Page.Locator("form.cover-form");
        await Assertions.Expect(form.Locator("h3")).ToBeFocusedAsync();
        await form.GetByLabel("Ersättare").SelectOptionAsync(new SelectOptionValue { Label = "Maja Eriksson" });
        serious.AddRange(await SeriousAxeViolationsAsync("cover form"));
        await form.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#coverage-saved")).ToContainTextAsync("Sparat: Maja Eriksson läser Tobias Wallins post");
        await Assertions.Expect(Page.Locator("#coverage-saved")).ToBeFocusedAsync();
        await Assertions.Expect(tobias.Locator("td.cover")).ToContainTextAsync("Ersättare: Maja Eriksson, t.o.m.");
        await Assertions.Expect(tobias).ToHaveAttributeAsync("data-flagged", "false");
        Assert.IsFalse(_requested.Any(u => u.Contains("/chunks/msalRedirect-", StringComparison.Ordinal) || u.Contains("/chunks/naa-", StringComparison.Ordinal)),
            "the sandbox never loads MSAL.js");

        Assert.IsEmpty(serious, string.Join('\n', serious));
    }

    [TestMethod]
    public async Task The_skip_link_is_the_first_tab_stop_and_leads_to_the_first_control_of_the_page()
    {
        await Assertions.Expect(Members.First).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = "Till innehållet" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        // Past it, the header's chooser; back, and through it to the page's content.
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByLabel("Inloggad som")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("main")).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("Tab");
        var first = Members.First.GetByRole(AriaRole.Button, new() { Name = "Sätt ersättare" });
        await Assertions.Expect(first).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("form.cover-form h3")).ToBeFocusedAsync();
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [TestMethod]
    public async Task An_official_without_the_role_is_told_in_swedish_that_the_page_is_for_unit_heads()
    {
        await Assertions.Expect(Members.First).ToBeVisibleAsync();
        var asked = _requested.Count(u => u.Contains("/api/units/mine/coverage", StringComparison.Ordinal));

        await Page.GetByLabel("Inloggad som").SelectOptionAsync("handlaggare@sandbox.botkyrka.se");

        await Assertions.Expect(Page.Locator("#coverage-forbidden")).ToContainTextAsync("Enhetens bevakning är bara för enhetschefer.");
        await Assertions.Expect(Page.Locator("#coverage-forbidden")).ToContainTextAsync("rollen Enhetschef");
        await Assertions.Expect(Page.Locator("#coverage-members")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#promise-report")).ToHaveCountAsync(0);
        Assert.AreEqual(asked, _requested.Count(u => u.Contains("/api/units/mine/coverage", StringComparison.Ordinal)), "an official's page asks for no coverage");
        var serious = await SeriousAxeViolationsAsync("official");
        Assert.IsEmpty(serious, string.Join('\n', serious));

        // And back: the head sees the unit again.
        await Page.GetByLabel("Inloggad som").SelectOptionAsync("enhetschef@sandbox.botkyrka.se");
        await Assertions.Expect(Members).ToHaveCountAsync(9);
    }

    [GeneratedRegex(@"^Andel besvarad eller bekräftad inom två arbetsdagar: (v\. \d+ (ingen post|[\d,]+\s%)(, )?){8}\.$")]
    private static partial Regex ChartLabel();
}
