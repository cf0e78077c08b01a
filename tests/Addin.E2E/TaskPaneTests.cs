using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>The real task pane in the sandbox page, driven in headless Chromium as an official would use it.</summary>
[TestClass]
public sealed class TaskPaneTests
{
    private static SandboxSite _site = null!;
    private static IPlaywright _playwright = null!;
    private static IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _requested = [];
    private IPage _page = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        // CI runs the API tests beside these on two cores: give assertions time, and warm the API up first.
        Assertions.SetDefaultExpectTimeout(30_000);
        _site = SandboxSite.Start();
        await _site.WarmUpAsync();
        (_playwright, _browser) = await SandboxSite.LaunchChromiumAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _site.Dispose();
    }

    [TestInitialize]
    public async Task OpenAsync()
    {
        _context = await _browser.NewContextAsync(new() { Locale = "sv-SE", TimezoneId = "Europe/Stockholm", ViewportSize = new() { Width = 1500, Height = 950 } });
        _context.SetDefaultTimeout(30_000);
        // Nothing leaves this machine: any request that is not to the sandbox fails at once.
        await _context.RouteAsync("**/*", route => route.Request.Url.StartsWith(_site.BaseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        _page = await _context.NewPageAsync();
        _context.Request += (_, request) => _requested.Add(request.Url);
        await _page.GotoAsync(_site.BaseUrl + "/");
    }

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public async Task CloseAsync()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
        {
            // What the official would have seen, for the CI log: the pane's text and a screenshot.
            var frame = _page.Frames.FirstOrDefault(f => f.Url.Contains("taskpane.html", StringComparison.Ordinal));
            TestContext.WriteLine("Task pane: " + (frame is null ? "(not loaded)" : await frame.InnerTextAsync("body")));
            var file = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"{TestContext.TestName}.png");
            await _page.ScreenshotAsync(new() { Path = file });
            TestContext.AddResultFile(file);
        }
        await _context.DisposeAsync();
    }

    private IFrameLocator Pane => _page.FrameLocator("#task-pane");

    /// <summary>With KONTAKTLOFTE_SCREENSHOTS set to a folder, the tests leave the README's screenshots there.</summary>
    private async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("KONTAKTLOFTE_SCREENSHOTS") is { Length: > 0 } folder)
            await _page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }

    private async Task<string> OpenMessageAsync(string subject)
    {
        var button = _page.Locator("button.message", new() { HasText = subject });
        await button.ClickAsync();
        return (await button.GetAttributeAsync("data-id"))!;
    }

    private static async Task<List<JsonElement>> SentAsync() =>
        (await _site.Api().GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!;

    [TestMethod]
    public async Task The_read_view_shows_the_due_date_of_a_seeded_message()
    {
        var id = await OpenMessageAsync("Bygglov för uterum");
        var promise = await _site.Api().GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        var due = DateOnly.Parse(promise.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);

        var expected = due.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));
        // The first pane of a run may wait for a cold API on a busy CI machine.
        await Assertions.Expect(Pane.Locator("#due-date")).ToHaveTextAsync(expected, new() { Timeout = 60_000 });
        await Assertions.Expect(Pane.Locator("#standing")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("arbetsdag|i dag|Försenat"));
        await Assertions.Expect(Pane.Locator("#category")).ToHaveValueAsync("question");
        await ScreenshotAsync("read-view");
        Assert.IsFalse(_requested.Any(u => u.Contains("/chunks/naa-", StringComparison.Ordinal) || u.EndsWith("/launchevent.js", StringComparison.Ordinal)),
            "MSAL.js is never loaded in the sandbox");
        Assert.IsTrue(_requested.Any(u => u.EndsWith("/taskpane.js", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Acknowledging_sends_exactly_one_receipt_that_appears_in_sent_items()
    {
        var id = await OpenMessageAsync("Trasig gatlykta på Storvretsvägen");

        await Pane.GetByLabel("Egen rad (valfri)").FillAsync("Jag har skickat ärendet till gatuenheten.");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Skicka mottagningsbevis" }).ClickAsync();
        await Assertions.Expect(Pane.GetByRole(AriaRole.Status).Filter(new() { HasText = "skickat" })).ToContainTextAsync("Mottagningsbeviset är skickat");

        var receipts = (await SentAsync()).Where(s => s.GetProperty("inReplyTo").GetString() == id).ToList();
        Assert.HasCount(1, receipts);
        StringAssert.Contains(receipts[0].GetProperty("bodyHtml").GetString(), "Jag har skickat ärendet till gatuenheten.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skickat" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#sent-list")).ToContainTextAsync("SV: Trasig gatlykta på Storvretsvägen");
    }

    private async Task<string> StartReplyAsync(string subject, string ownText)
    {
        var id = await OpenMessageAsync("Fråga om plats i förskola");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Svara" }).ClickAsync();
        await _page.GetByLabel("Ämne").FillAsync(subject);
        var body = _page.GetByRole(AriaRole.Textbox, new() { Name = "Meddelande", Exact = true });
        await body.FillAsync((await body.InputValueAsync()).Replace("Leila!\n\n", $"Leila!\n\n{ownText}\n", StringComparison.Ordinal));
        return id;
    }

    private static async Task<int> RepliesToAsync(string id) =>
        (await SentAsync()).Count(s => s.GetProperty("inReplyTo").GetString() == id);

    [TestMethod]
    public async Task The_compose_view_shows_a_personal_identity_number_in_the_subject_as_an_error()
    {
        await StartReplyAsync("Svar ang. 811218-9876", "Du söker förskoleplats i vår e-tjänst. Kön är ungefär tre månader.");

        await Pane.GetByRole(AriaRole.Button, new() { Name = "Granska igen" }).ClickAsync();

        var error = Pane.Locator("[data-severity=error] [data-rule='confidential.subject']");
        await Assertions.Expect(error).ToContainTextAsync("Ämnesraden innehåller ett personnummer");
        await Assertions.Expect(error).ToContainTextAsync("811218-****");
        await Assertions.Expect(Pane.Locator("#lix")).ToContainTextAsync("LIX");
        await Assertions.Expect(Pane.GetByRole(AriaRole.Status).First).ToContainTextAsync("kan inte skickas");
        await ScreenshotAsync("compose-view");
    }

    [TestMethod]
    public async Task The_send_handler_blocks_that_draft_and_allows_a_clean_one()
    {
        var id = await StartReplyAsync("Svar ang. 811218-9876", "Du söker förskoleplats i vår e-tjänst. Kön är ungefär tre månader.");
        var before = await RepliesToAsync(id);
        await Assertions.Expect(Pane.Locator("[data-rule='confidential.subject']")).ToBeVisibleAsync(); // the pane keeps up with typing

        await _page.GetByRole(AriaRole.Button, new() { Name = "Skicka", Exact = true }).ClickAsync();
        var dialog = _page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Ämnesraden innehåller ett personnummer");
        await ScreenshotAsync("send-blocked");
        Assert.AreEqual(before, await RepliesToAsync(id), "the blocked draft was not sent");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ändra mejlet" }).ClickAsync();

        await _page.GetByLabel("Ämne").FillAsync("SV: Fråga om plats i förskola");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skicka", Exact = true }).ClickAsync();

        await Assertions.Expect(_page.Locator("#notice")).ToContainTextAsync("är skickat");
        Assert.AreEqual(before + 1, await RepliesToAsync(id));
    }

    [TestMethod]
    public async Task When_the_review_cannot_be_reached_the_official_may_send_anyway_and_is_told_so()
    {
        var id = await StartReplyAsync("SV: Fråga om plats i förskola", "Du söker förskoleplats i vår e-tjänst.");
        var before = await RepliesToAsync(id);
        await _context.RouteAsync("**/api/drafts/review", route => route.AbortAsync());

        await _page.GetByRole(AriaRole.Button, new() { Name = "Skicka", Exact = true }).ClickAsync();

        var dialog = _page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("kunde inte granska mejlet i tid");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Skicka ändå" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#notice")).ToContainTextAsync("är skickat");
        Assert.AreEqual(before + 1, await RepliesToAsync(id));
    }

    [TestMethod]
    public async Task A_colleague_found_by_search_becomes_the_contact_person()
    {
        var id = await OpenMessageAsync("Vattenläcka vid lekplatsen");

        await Pane.GetByLabel("Kontaktperson", new() { Exact = true }).SelectOptionAsync("colleague");
        await Pane.GetByLabel("Sök kollega").FillAsync("Virtanen");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Johan Virtanen, Gatuingenjör" }).ClickAsync();
        await Assertions.Expect(Pane.GetByLabel("E-post", new() { Exact = true })).ToHaveValueAsync("johan.virtanen@sandbox.botkyrka.se");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Skicka mottagningsbevis" }).ClickAsync();

        await Assertions.Expect(Pane.GetByRole(AriaRole.Status).Filter(new() { HasText = "skickat" })).ToContainTextAsync("Kontaktperson: Johan Virtanen");
        var receipt = (await SentAsync()).Single(s => s.GetProperty("inReplyTo").GetString() == id);
        StringAssert.Contains(receipt.GetProperty("bodyHtml").GetString(), "Din kontaktperson är Johan Virtanen, Gatuingenjör.");
    }

    [TestMethod]
    public async Task The_whole_pane_works_by_keyboard()
    {
        var id = await OpenMessageAsync("Synpunkt på snöröjningen");
        await Pane.Locator("#category").FocusAsync();

        var reached = false;
        for (var i = 0; i < 25 && !reached; i++)
        {
            await _page.Keyboard.PressAsync("Tab");
            reached = await Pane.Locator("button[type=submit]").EvaluateAsync<bool>("b => document.activeElement === b");
        }
        Assert.IsTrue(reached, "Tab reaches the send button");
        await _page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Pane.GetByRole(AriaRole.Status).Filter(new() { HasText = "skickat" })).ToContainTextAsync("Mottagningsbeviset är skickat");
        Assert.HasCount(1, (await SentAsync()).Where(s => s.GetProperty("inReplyTo").GetString() == id).ToList());
    }

    [TestMethod]
    public async Task Axe_finds_no_serious_or_critical_wcag_21_aa_violation_in_the_read_and_compose_views()
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

        await OpenMessageAsync("Kysymys kotihoidosta");
        await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();
        var read = await _page.RunAxe(options);

        await StartReplyAsync("SV: Fråga om plats i förskola", "Du söker i e-tjänsten.");
        await Assertions.Expect(Pane.Locator("#lix")).ToBeVisibleAsync();
        var compose = await _page.RunAxe(options);

        // axe follows the task pane into its iframe: its results name nodes inside it.
        Assert.IsTrue(read.Passes.SelectMany(p => p.Nodes).Any(n => n.Target?.ToString()?.Contains("#task-pane", StringComparison.Ordinal) == true),
            "the pane's iframe was checked too");
        var serious = read.Violations.Concat(compose.Violations).Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.IsEmpty(serious, string.Join('\n', serious));
    }
}
