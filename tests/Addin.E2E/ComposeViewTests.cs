using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>The pane beside a reply being written, and the send handler behind the sandbox's Skicka.</summary>
[TestClass]
public sealed class ComposeViewTests : PaneTest
{
    [TestMethod]
    public async Task The_compose_view_shows_a_personal_identity_number_in_the_subject_as_an_error()
    {
        await StartReplyAsync("Svar ang. 811218-9876", "Du söker förskoleplats i vår e-tjänst. Kön är ungefär tre månader.");

        await Pane.GetByRole(AriaRole.Button, new() { Name = "Granska igen" }).ClickAsync();

        var error = Pane.Locator("[data-severity=error] [data-rule='confidential.subject']");
        await Assertions.Expect(error).ToContainTextAsync("Ämnesraden innehåller ett personnummer");
        await Assertions.Expect(error).ToContainTextAsync("811218-****");
        await Assertions.Expect(Pane.Locator("#lix")).ToBeVisibleAsync();
        await Assertions.Expect(Pane.Locator("#review-summary")).ToContainTextAsync("kan inte skickas");
        await ScreenshotAsync("compose-view");
    }

    [TestMethod]
    public async Task An_empty_reply_is_not_ready_to_send_and_a_short_one_gets_no_lix_band()
    {
        await StartReplyAsync("SV: Fråga om plats i förskola", "");
        await WriteOwnTextAsync("");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Granska igen" }).ClickAsync();

        await Assertions.Expect(Pane.Locator("#review-summary")).ToHaveTextAsync("Skriv ditt svar, så granskas det.");
        await Assertions.Expect(Pane.Locator("#lix")).ToHaveCountAsync(0);

        await WriteOwnTextAsync("Hej Leila! Du får besked i vår e-tjänst.");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Granska igen" }).ClickAsync();

        await Assertions.Expect(Pane.Locator("#lix")).ToContainTextAsync("för kort");
        await Assertions.Expect(Pane.Locator("#lix")).Not.ToContainTextAsync("LIX");
        await Assertions.Expect(Pane.Locator("#review-summary")).Not.ToContainTextAsync("Skriv ditt svar");
    }

    [TestMethod]
    public async Task A_long_enough_reply_gets_its_lix_with_a_decimal_comma_and_a_swedish_reply_to_finnish_mail_a_language_tip()
    {
        var reviews = new List<JsonElement>();
        Context.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/drafts/review", StringComparison.Ordinal) && request.PostData is { } body)
                lock (reviews) reviews.Add(JsonDocument.Parse(body).RootElement.Clone());
        };
        await StartReplyAsync("SV: Kysymys kotihoidosta",
            "Tack för ditt mejl om hemtjänst. Du ansöker om hemtjänst hos kommunens biståndshandläggare, som utreder ditt behov " +
            "tillsammans med dig. Ansökan kan göras muntligt per telefon eller skriftligt i e-tjänsten. Handläggningstiden är " +
            "normalt ungefär tre veckor från ansökningsdagen.", "Kysymys kotihoidosta");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Granska igen" }).ClickAsync();

        await Assertions.Expect(Pane.Locator("#lix")).ToHaveTextAsync(new Regex(@"^LIX \d+(,\d)? – \S.* \(\d+ ord, \d+ meningar\)$"));
        await Assertions.Expect(Pane.Locator("[data-severity=info] [data-rule='language.mismatch']")).ToBeVisibleAsync();
        lock (reviews)
            Assert.IsTrue(reviews.Any(r => r.TryGetProperty("citizenLanguage", out var language) && language.GetString() == "fi"),
                "the review is told the citizen wrote in Finnish");
        lock (reviews)
            Assert.IsFalse(reviews.Any(r => r.TryGetProperty("readReceiptRequested", out _)), "the pane cannot know, so it does not say");
    }

    [TestMethod]
    public async Task The_send_handler_blocks_that_draft_and_allows_a_clean_one()
    {
        var id = await StartReplyAsync("Svar ang. 811218-9876", "Du söker förskoleplats i vår e-tjänst. Kön är ungefär tre månader.");
        var before = await RepliesToAsync(id);
        await Assertions.Expect(Pane.Locator("[data-rule='confidential.subject']")).ToBeVisibleAsync(); // the pane keeps up with typing

        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka", Exact = true }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Ämnesraden innehåller ett personnummer");
        await ScreenshotAsync("send-blocked");
        Assert.AreEqual(before, await RepliesToAsync(id), "the blocked draft was not sent");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ändra mejlet" }).ClickAsync();

        await Page.GetByLabel("Ämne").FillAsync("SV: Fråga om plats i förskola");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.Locator("#notice")).ToContainTextAsync("är skickat");
        Assert.AreEqual(before + 1, await RepliesToAsync(id));
    }

    [TestMethod]
    public async Task When_the_review_cannot_be_reached_the_official_may_send_anyway_and_is_told_so()
    {
        var id = await StartReplyAsync("SV: Fråga om plats i förskola", "Du söker förskoleplats i vår e-tjänst.");
        var before = await RepliesToAsync(id);
        await Context.RouteAsync("**/api/drafts/review", route => route.AbortAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka", Exact = true }).ClickAsync();

        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("kunde inte granska mejlet i tid");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Skicka ändå" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#notice")).ToContainTextAsync("är skickat");
        Assert.AreEqual(before + 1, await RepliesToAsync(id));
    }
}
