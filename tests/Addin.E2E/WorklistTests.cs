using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// "Att besvara" in the pane and the sandbox's mailboxes: what the watcher tracks without anybody opening it, in the
/// API's order, and Outlook's categories in the list.
/// </summary>
[TestClass]
public sealed partial class WorklistTests : PaneTest
{
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";

    /// <summary>Internal mail (a colleague's): no promise, so the worklist is what the pane shows first.</summary>
    private const string InternalMail = "Möte om detaljplanen";

    private ILocator Items => Pane.Locator("#worklist li.work-item");

    [TestMethod]
    public async Task Beside_internal_mail_the_worklist_comes_first_most_urgent_first_in_the_apis_order()
    {
        await OpenMessageAsync(InternalMail);
        await Assertions.Expect(Pane.Locator("#standing")).ToContainTextAsync("Inget kontaktlöfte");
        await Assertions.Expect(Pane.Locator("#worklist-heading")).ToHaveTextAsync(HeadingWithCount());
        await Assertions.Expect(Pane.Locator("#worklist-toggle")).ToHaveCountAsync(0);
        Assert.IsTrue(await Pane.Locator("#worklist").EvaluateAsync<bool>(
            "w => w.compareDocumentPosition(document.getElementById('promise-heading')) & Node.DOCUMENT_POSITION_FOLLOWING"),
            "the worklist comes before the message's own (absent) promise");

        var shown = await Items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)");
        var api = (await GetAsync("/api/worklist")).GetProperty("items").EnumerateArray().ToList();
        CollectionAssert.AreEqual(api.Select(i => i.GetProperty("messageId").GetString()).ToArray(), shown, "the API's order, untouched");

        var states = await Items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.state)");
        Assert.AreEqual("overdue", states[0], "the most urgent first");
        Assert.IsFalse(states.SkipWhile(s => s == "overdue").Contains("overdue"), "every overdue mail before the rest");
        var first = Items.First;
        await Assertions.Expect(first.Locator(".standing")).ToHaveAttributeAsync("data-tone", "danger");
        await Assertions.Expect(first.Locator(".standing")).ToHaveTextAsync(new Regex(@"Försenat \d+ arbetsdag(ar)?$"));

        // Words for every state the API gives, as in the pane's standing text.
        foreach (var (item, index) in api.Select((item, index) => (item, index)))
        {
            var left = item.GetProperty("workingDaysLeft").GetInt32();
            // Overdue by no working day: due on Friday, read at the weekend.
            var words = item.GetProperty("state").GetString() == "overdue" && left >= 0 ? "försenat" : left < 0 ? $"försenat {-left} arbetsdag" : left == 0 ? "svara i dag" : left == 1 ? "1 arbetsdag kvar" : $"{left} arbetsdagar kvar";
            await Assertions.Expect(Items.Nth(index).Locator(".standing")).ToContainTextAsync(words, new() { IgnoreCase = true });
        }

        // A sensitive mail keeps neither sender nor subject (OSL); a function mailbox's mail says whose it is.
        var sensitive = api.FindIndex(i => i.GetProperty("subject").ValueKind == JsonValueKind.Null);
        Assert.IsGreaterThanOrEqualTo(0, sensitive, "the seeded sensitive mail (a personal identity number) is in the list");
        await Assertions.Expect(Items.Nth(sensitive).Locator("h3")).ToHaveTextAsync("Känsligt meddelande – öppna det i Outlook");
        var bygglov = Items.Filter(new() { HasText = "Synpunkt på nybygget vid Tumba torg" });
        await Assertions.Expect(bygglov.Locator("dd.mailbox")).ToHaveTextAsync(Bygglov);
        await Assertions.Expect(Items.Filter(new() { HasText = "Question about recycling" }).Locator("dd.mailbox")).ToHaveCountAsync(0);
        await ScreenshotAsync("worklist");
    }

    [TestMethod]
    public async Task A_mail_to_a_watched_function_mailbox_appears_in_the_worklist_without_being_opened()
    {
        await OpenMessageAsync(InternalMail);
        await Assertions.Expect(Pane.Locator("#worklist-heading")).ToHaveTextAsync(HeadingWithCount());
        var subject = $"Strandskydd vid Tullingesjön {Guid.NewGuid():N}"[..40];
        using (var api = Site.Api())
        {
            var response = await api.PostAsJsonAsync("/api/sandbox/messages", new
            {
                mailbox = Bygglov, from = new { name = "Nora Lind", address = "nora.lind@example.se" }, subject,
                bodyText = "Hej!\n\nFår jag bygga en brygga vid Tullingesjön, eller gäller strandskyddet?\n\nNora Lind",
            });
            response.EnsureSuccessStatusCode();
        }
        var posted = DateTime.UtcNow;

        // The watcher polls every 5 s in the sandbox; the pane is asked again as the official would, with the button.
        var item = Items.Filter(new() { HasText = subject });
        while (await item.CountAsync() == 0 && DateTime.UtcNow - posted < TimeSpan.FromSeconds(15))
        {
            await Pane.GetByRole(AriaRole.Button, new() { Name = "Uppdatera listan" }).ClickAsync();
            await Assertions.Expect(Pane.Locator("#worklist-status")).ToHaveTextAsync(new Regex("^Listan är uppdaterad"));
            await Page.WaitForTimeoutAsync(1000);
        }
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = 1 });
        await Assertions.Expect(item.Locator("dd.mailbox")).ToHaveTextAsync(Bygglov);
        await Assertions.Expect(item.Locator(".standing")).ToHaveTextAsync(new Regex("arbetsdag|i dag"));
        await Assertions.Expect(Page.Locator("button.message", new() { HasText = subject })).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task Choosing_a_worklist_item_opens_that_message_also_in_a_function_mailbox()
    {
        await OpenMessageAsync(InternalMail);
        var item = Items.Filter(new() { HasText = "Synpunkt på nybygget vid Tumba torg" });
        await item.GetByRole(AriaRole.Button).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.Locator("#reading-subject")).ToHaveTextAsync("Synpunkt på nybygget vid Tumba torg");
        await Assertions.Expect(Page.GetByLabel("Brevlåda")).ToHaveValueAsync(Bygglov);
        await Assertions.Expect(Page.Locator("button.message[aria-current]")).ToContainTextAsync("Synpunkt på nybygget vid Tumba torg");
        // The pane now reads that message: a citizen's, overdue, so the worklist is a closed section below.
        await Assertions.Expect(Pane.Locator("#standing")).ToContainTextAsync("Försenat");
        await Assertions.Expect(Pane.Locator("#worklist-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(Pane.Locator("#worklist-body")).ToBeHiddenAsync();
    }

    [TestMethod]
    public async Task The_mailbox_switch_shows_bygglovs_mail_with_the_watchers_categories()
    {
        await Assertions.Expect(Page.Locator("#list-heading")).ToHaveTextAsync("Inkorg – handlaggare@sandbox.botkyrka.se");
        await Assertions.Expect(Page.Locator("button.message", new() { HasText = "Marklov för att fälla träd" })).ToHaveCountAsync(0);

        await Page.GetByLabel("Brevlåda").SelectOptionAsync(Bygglov);
        await Assertions.Expect(Page.Locator("#list-heading")).ToHaveTextAsync($"Inkorg – {Bygglov}");
        await Assertions.Expect(Page.Locator("button.message", new() { HasText = "Marklov för att fälla träd" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("button.message", new() { HasText = "Bygglov för uterum" })).ToHaveCountAsync(0);

        // A seeded mail four working days old is overdue: the watcher has said so in Outlook's own list (the list
        // follows the mailbox every 5 s, as Outlook's does), in words beside the colour.
        var overdue = Page.Locator("li.message-row", new() { HasText = "Synpunkt på nybygget vid Tumba torg" }).Locator(".category");
        await Assertions.Expect(overdue).ToHaveTextAsync("Kontaktlöfte: försenat", new() { Timeout = 15_000 });
        await Assertions.Expect(overdue).ToHaveAttributeAsync("data-colour", "red");
        // A newsletter is no citizen's mail: no promise, no category.
        await Assertions.Expect(Page.Locator("li.message-row", new() { HasText = "Nyheter om bygglov" }).Locator(".category")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Synpunkt på nybygget vid Tumba torg" }))
            .ToHaveAccessibleDescriptionAsync(new Regex("Kategorier: Kontaktlöfte: försenat"));
        await ScreenshotAsync("sandbox-categories");
    }

    [TestMethod]
    public async Task Axe_finds_no_serious_or_critical_wcag_21_aa_violation_in_the_worklist()
    {
        await OpenMessageAsync(InternalMail);
        await Assertions.Expect(Items.First).ToBeVisibleAsync();
        var serious = await SeriousAxeViolationsAsync("worklist first");

        await Page.GetByLabel("Brevlåda").SelectOptionAsync(Bygglov);
        await Assertions.Expect(Page.Locator("li.message-row .category").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await OpenMessageAsync("Marklov för att fälla träd");
        await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();
        await Pane.Locator("#worklist-toggle").ClickAsync();
        await Assertions.Expect(Pane.Locator("#worklist-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Items.First).ToBeVisibleAsync();
        serious.AddRange(await SeriousAxeViolationsAsync("worklist below a citizen's mail, categories in the list"));

        Assert.IsEmpty(serious, string.Join('\n', serious));
    }

    [GeneratedRegex(@"^Att besvara \(\d+(, \d+ försenade?)?\)$")]
    private static partial Regex HeadingWithCount();
}
