using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// "Enhetens bevakning" in the pane: the unit head sees the gap first, records a cover and sees the gap closed, follows
/// the promise over eight weeks in a chart and a table (and downloads it as CSV); an official without the role never
/// sees the section.
/// </summary>
[TestClass]
public sealed partial class CoverageTests : PaneTest
{
    private const string Head = "enhetschef@sandbox.botkyrka.se";

    private ILocator Members => Pane.Locator("#coverage-members tbody tr");

    [TestMethod]
    public async Task The_head_sees_the_gap_first_sets_a_cover_that_closes_it_and_follows_the_promise_over_eight_weeks()
    {
        await Page.GetByLabel("Inloggad som").SelectOptionAsync(Head);
        await OpenMessageAsync("Fråga om handläggningstid");
        var toggle = Pane.Locator("#coverage-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(Pane.Locator("#coverage-body")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        // The API's order: the gap first, marked in words beside the colour.
        var karin = Members.First;
        await Assertions.Expect(karin.Locator("th")).ToContainTextAsync("Karin Nordström");
        await Assertions.Expect(karin.Locator(".flag")).ToHaveTextAsync("! Lucka");
        await Assertions.Expect(karin.Locator("td.away")).ToContainTextAsync("inget slutdatum");
        await Assertions.Expect(karin.Locator("td.cover")).ToContainTextAsync("Ingen ersättare");
        await Assertions.Expect(Pane.Locator("#coverage-mailboxes")).ToContainTextAsync("bygglov@sandbox.botkyrka.se");

        // The report: eight weeks as a table, and the chart with its words.
        await Assertions.Expect(Pane.Locator("#promise-table tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(Pane.Locator("#promise-chart")).ToHaveAttributeAsync("aria-label", ChartLabel());
        await Assertions.Expect(Pane.Locator("#promise-chart rect.bar")).ToHaveCountAsync(8);
        // The CSV comes through the client (a link cannot carry the identity) and is saved under the API's name.
        var csv = await Page.RunAndWaitForDownloadAsync(() => Pane.GetByRole(AriaRole.Button, new() { Name = "Ladda ner CSV" }).ClickAsync());
        StringAssert.EndsWith(csv.SuggestedFilename, ".csv");
        await Assertions.Expect(Pane.Locator("#promise-report-status")).ToContainTextAsync("är nedladdad");
        await Pane.Locator("#coverage-heading").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("coverage");
        var serious = await SeriousAxeViolationsAsync("coverage");

        await karin.GetByRole(AriaRole.Button, new() { Name = "Sätt ersättare" }).ClickAsync();
        var form = Pane.Locator("form.cover-form");
        await Assertions.Expect(form.Locator("h3")).ToBeFocusedAsync();
        var colleague = await form.GetByLabel("Ersättare").Locator("option").Filter(new() { HasNotText = "(du)" }).First.TextContentAsync();
        await form.GetByLabel("Ersättare").SelectOptionAsync(new SelectOptionValue { Label = colleague! });
        // The API's refusal at its field, in Swedish, with focus there; then the default period again.
        var to = form.GetByLabel("Till och med");
        var defaultTo = await to.InputValueAsync();
        await to.FillAsync("2020-01-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#cover-to-error")).ToContainTextAsync("Perioden");
        await Assertions.Expect(to).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(to).ToBeFocusedAsync();
        serious.AddRange(await SeriousAxeViolationsAsync("cover form"));
        await to.FillAsync(defaultTo);
        await form.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await Assertions.Expect(Pane.Locator("#coverage-saved")).ToContainTextAsync($"Sparat: {colleague} läser Karin Nordströms post");
        await Assertions.Expect(Pane.Locator("#coverage-saved")).ToBeFocusedAsync();
        var row = Members.Filter(new() { Has = Pane.Locator("th", new() { HasText = "Karin Nordström" }) });
        await Assertions.Expect(row.Locator("td.cover")).ToContainTextAsync($"Ersättare: {colleague}, t.o.m.");
        await Assertions.Expect(row.Locator(".flag")).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-flagged", "false");

        Assert.IsEmpty(serious, string.Join('\n', serious));
    }

    [TestMethod]
    public async Task An_official_who_is_no_unit_head_has_no_such_section()
    {
        await OpenMessageAsync("Bygglov för uterum");
        await Assertions.Expect(Pane.Locator("#due-date")).ToBeVisibleAsync();
        await Assertions.Expect(Pane.Locator("#worklist")).ToHaveCountAsync(1);
        await Assertions.Expect(Pane.Locator("#coverage")).ToHaveCountAsync(0);
        Assert.IsFalse(Requested.Any(url => url.Contains("/api/units/", StringComparison.Ordinal)), "the pane never asks for a unit's coverage");
    }

    [GeneratedRegex(@"^Andel besvarad eller bekräftad inom två arbetsdagar: (v\. \d+ (ingen post|[\d,]+\s%)(, )?){8}\.$")]
    private static partial Regex ChartLabel();
}
