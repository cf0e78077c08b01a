using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>The real task pane in the sandbox page, driven in headless Chromium as an official would use it.</summary>
[TestClass]
public sealed class TaskPaneTests : PaneTest
{
    [TestMethod]
    public async Task The_read_view_shows_the_due_date_of_a_seeded_message()
    {
        var id = await OpenMessageAsync("Bygglov för uterum");
        var promise = await GetAsync($"/api/messages/{id}/promise");
        var due = DateOnly.Parse(promise.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);

        var expected = due.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));
        // The first pane of a run may wait for a cold API on a busy CI machine.
        await Assertions.Expect(Pane.Locator("#due-date")).ToHaveTextAsync(expected, new() { Timeout = 60_000 });
        await Assertions.Expect(Pane.Locator("#standing")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("arbetsdag|i dag|Försenat"));
        await Assertions.Expect(Pane.Locator("#category")).ToHaveValueAsync("question");
        await ScreenshotAsync("read-view");
        Assert.IsFalse(Requested.Any(u => u.Contains("/chunks/naa-", StringComparison.Ordinal) || u.EndsWith("/launchevent.js", StringComparison.Ordinal)),
            "MSAL.js is never loaded in the sandbox");
        Assert.IsTrue(Requested.Any(u => u.EndsWith("/taskpane.js", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Acknowledging_sends_exactly_one_receipt_that_appears_in_sent_items()
    {
        var id = await OpenMessageAsync("Trasig gatlykta på Storvretsvägen");

        await Pane.GetByLabel("Egen rad (valfri)").FillAsync("Jag har skickat ärendet till gatuenheten.");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Skicka mottagningsbevis" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#confirmation")).ToHaveTextAsync("Mottagningsbeviset är skickat");

        var receipts = (await SentAsync()).Where(s => s.GetProperty("inReplyTo").GetString() == id).ToList();
        Assert.HasCount(1, receipts);
        StringAssert.Contains(receipts[0].GetProperty("bodyHtml").GetString(), "Jag har skickat ärendet till gatuenheten.");
        var subject = (await GetAsync($"/api/messages/{id}/acknowledgements"))[0].GetProperty("subject").GetString()!;
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skickat" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#sent-list li", new() { HasText = "mikael.johansson@example.com" })).ToContainTextAsync(subject);
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

        await Assertions.Expect(Pane.Locator("section.confirmation")).ToContainTextAsync("Kontaktperson: Johan Virtanen");
        var receipt = (await SentAsync()).Single(s => s.GetProperty("inReplyTo").GetString() == id);
        StringAssert.Matches(receipt.GetProperty("bodyHtml").GetString(), new System.Text.RegularExpressions.Regex("Din kontaktperson är Johan Virtanen, [Gg]atuingenjör"));
    }

    [TestMethod]
    public async Task The_whole_pane_works_by_keyboard()
    {
        var id = await OpenMessageAsync("Synpunkt på snöröjningen");
        await Pane.Locator("#category").FocusAsync();

        var reached = false;
        for (var i = 0; i < 25 && !reached; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached = await Pane.Locator("form[aria-labelledby=receipt-heading] button[type=submit]").EvaluateAsync<bool>("b => document.activeElement === b");
        }
        Assert.IsTrue(reached, "Tab reaches the send button");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Pane.Locator("#confirmation")).ToHaveTextAsync("Mottagningsbeviset är skickat");
        Assert.HasCount(1, (await SentAsync()).Where(s => s.GetProperty("inReplyTo").GetString() == id).ToList());
    }

    [TestMethod]
    public async Task Axe_finds_no_serious_or_critical_wcag_21_aa_violation_in_the_read_and_compose_views()
    {
        await OpenMessageAsync("Kysymys kotihoidosta");
        await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();
        var serious = await SeriousAxeViolationsAsync("read view");

        await StartReplyAsync("SV: Fråga om plats i förskola", "Du söker i e-tjänsten.");
        await Assertions.Expect(Pane.Locator("#lix")).ToBeVisibleAsync();
        serious.AddRange(await SeriousAxeViolationsAsync("compose view"));

        Assert.IsEmpty(serious, string.Join('\n', serious));
    }
}
