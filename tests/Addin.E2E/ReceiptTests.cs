using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kontaktlofte.Addin.E2E;

/// <summary>The read view asks the API for dates and words, keeps showing what was sent, and sends a new answer date once.</summary>
[TestClass]
public sealed class ReceiptTests : PaneTest
{
    /// <summary>2026-11-30 23:30 UTC is already 00:30 on 1 December in Stockholm.</summary>
    private static readonly DateTimeOffset JustAfterMidnightInStockholm = new(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

    protected override async Task BeforeFirstPageAsync()
    {
        if (TestContext.TestName == nameof(The_answer_dates_offered_are_the_apis_not_the_browsers_utc_day))
            await Page.Clock.SetFixedTimeAsync(JustAfterMidnightInStockholm.UtcDateTime);
    }

    private static string Swedish(string isoDate) =>
        DateOnly.Parse(isoDate, CultureInfo.InvariantCulture).ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));

    private static async Task<List<JsonElement>> AcknowledgementsAsync(string id) =>
        (await GetAsync($"/api/messages/{id}/acknowledgements")).EnumerateArray().ToList();

    private async Task SendFirstReceiptAsync(string ownLine)
    {
        await Pane.GetByLabel("Egen rad (valfri)").FillAsync(ownLine);
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Skicka mottagningsbevis" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#confirmation")).ToHaveTextAsync("Mottagningsbeviset är skickat");
    }

    [TestMethod]
    public async Task The_answer_dates_offered_are_the_apis_not_the_browsers_utc_day()
    {
        await ReceiveAsync("Fråga om fiber i Tullinge", "Hej! När kommer fibern till vår gata i Tullinge? Hälsningar Elin");
        Assert.AreEqual("2026-11-30T23:30:00.000Z", await Page.EvaluateAsync<string>("() => new Date().toISOString()"), "the browser's clock is set");

        var offered = Pane.Locator("#promised-date option");
        await Assertions.Expect(offered.First).ToBeAttachedAsync();
        var expected = (await GetAsync("/api/answer-dates")).GetProperty("dates").EnumerateArray().Select(d => d.GetString()!).ToList();
        CollectionAssert.AreEqual(expected, (await offered.EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).ToList());
        CollectionAssert.AreEqual(expected.Select(Swedish).ToList(), (await offered.AllInnerTextsAsync()).ToList());
    }

    [TestMethod]
    public async Task After_sending_the_pane_shows_what_was_sent_with_focus_on_the_confirmation_also_when_opened_again()
    {
        var id = await ReceiveAsync("Fråga om bygglov för carport", "Hej! Behöver jag bygglov för en carport på 20 kvadratmeter? Elin");

        await SendFirstReceiptAsync("Jag tittar på detaljplanen för din fastighet.");

        await Assertions.Expect(Pane.Locator("#confirmation")).ToBeFocusedAsync();
        var sent = Pane.Locator("#sent li.receipt");
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        await Assertions.Expect(sent).ToContainTextAsync("elin.andersson@example.se");
        await Assertions.Expect(sent).ToContainTextAsync("Skickat ");
        var frame = sent.Locator("iframe");
        Assert.AreEqual("", await frame.GetAttributeAsync("sandbox"), "the sent text runs no script");
        StringAssert.Contains(await frame.GetAttributeAsync("srcdoc"), "Jag tittar på detaljplanen för din fastighet.");
        await ScreenshotAsync("read-view-sent");
        var serious = await SeriousAxeViolationsAsync("after sending");
        Assert.IsEmpty(serious, string.Join('\n', serious));

        await Page.Locator($"button.message[data-id='{id}']").ClickAsync(); // the pane opened again, later

        await Assertions.Expect(Pane.Locator("#sent li.receipt")).ToHaveCountAsync(1);
        await Assertions.Expect(Pane.Locator("#sent li.receipt")).ToContainTextAsync("Mottagningsbevis");
        await Assertions.Expect(Pane.Locator("#confirmation")).ToHaveCountAsync(0);
        await Assertions.Expect(Pane.GetByRole(AriaRole.Button, new() { Name = "Skicka mottagningsbevis" })).ToHaveCountAsync(0);
        await Assertions.Expect(Pane.GetByRole(AriaRole.Heading, new() { Name = "Nytt besked" })).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task A_new_answer_date_is_previewed_and_sent_once_as_nytt_besked()
    {
        var id = await ReceiveAsync("Fråga om parkering vid Tumba torg", "Hej! Får man parkera på torget på söndagar? Elin");
        await SendFirstReceiptAsync("Jag frågar trafikenheten.");
        var dates = Pane.Locator("#promised-date option");
        var later = (await dates.EvaluateAllAsync<string[]>("os => os.map(o => o.value)"))[10];

        await Pane.GetByLabel("Svar senast").SelectOptionAsync(later);
        await Pane.GetByLabel("Egen rad (valfri)").FillAsync("Trafikenheten behöver en vecka till.");
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#preview iframe")).ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("Trafikenheten behöver en vecka till"));
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Skicka nytt besked" }).DblClickAsync();

        await Assertions.Expect(Pane.Locator("#confirmation")).ToHaveTextAsync("Det nya beskedet är skickat");
        await Assertions.Expect(Pane.Locator("#confirmation")).ToBeFocusedAsync();
        await Assertions.Expect(Pane.Locator("#sent li.receipt[data-kind=update]")).ToHaveCountAsync(1);
        var updates = (await AcknowledgementsAsync(id)).Where(a => a.GetProperty("kind").GetString() == "update").ToList();
        Assert.HasCount(1, updates, "a double click sends one nytt besked");
        Assert.AreEqual(later, updates[0].GetProperty("promisedDate").GetString());
        Assert.AreEqual(2, await RepliesToAsync(id), "the receipt and the nytt besked");
    }

    [TestMethod]
    public async Task Changing_the_category_refreshes_the_why_text_and_the_help_and_a_late_public_records_answer_is_warned_of()
    {
        var id = await ReceiveAsync("Protokoll", "Hej! Kan jag få nämndens protokoll från mars? Elin");
        var labels = (await GetAsync("/api/labels")).GetProperty("categories").EnumerateArray().ToList();
        string Help(string category) => labels.Single(c => c.GetProperty("id").GetString() == category).GetProperty("help").GetString()!;
        var before = await GetAsync($"/api/messages/{id}/promise");
        var other = before.GetProperty("category").GetString() == "document-request" ? "question" : "document-request";
        await Assertions.Expect(Pane.Locator("#category-help")).ToHaveTextAsync(Help(before.GetProperty("category").GetString()!));

        await Pane.GetByLabel("Kategori", new() { Exact = true }).SelectOptionAsync(other);

        await Assertions.Expect(Pane.Locator("#category-help")).ToHaveTextAsync(Help(other));
        var after = await GetAsync($"/api/messages/{id}/promise");
        Assert.AreEqual(other, after.GetProperty("category").GetString());
        await Assertions.Expect(Pane.Locator("#reasons li")).ToHaveTextAsync(after.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await Assertions.Expect(Pane.Locator("#category")).ToBeFocusedAsync();

        // Back to a public-records request, promised a week late: the preview says what JO expects before anything is sent.
        if (other != "document-request") await Pane.GetByLabel("Kategori", new() { Exact = true }).SelectOptionAsync("document-request");
        await Assertions.Expect(Pane.Locator("#category-help")).ToHaveTextAsync(Help("document-request"));
        var dates = await Pane.Locator("#promised-date option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        await Pane.GetByLabel("Svar senast").SelectOptionAsync(dates[5]);
        await Pane.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await Assertions.Expect(Pane.Locator("#receipt-warnings [data-code='document-request.later-than-due']")).ToContainTextAsync("skyndsamt");
        await ScreenshotAsync("receipt-warning");
        var serious = await SeriousAxeViolationsAsync("preview with a warning");
        Assert.IsEmpty(serious, string.Join('\n', serious));
        Assert.AreEqual(0, await RepliesToAsync(id), "nothing is sent by a preview");
    }

    [TestMethod]
    public async Task A_receipt_that_failed_shows_the_error_and_what_to_do_and_one_waiting_says_so()
    {
        // The sandbox's outbox never fails: the list is answered here as the API answers when Graph refused a receipt.
        await Context.RouteAsync("**/api/messages/*/acknowledgements", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = """
                [ { "acknowledgementId": "6f1c0d2e-0000-4000-8000-000000000001", "kind": "first", "status": "failed",
                    "createdAt": "2026-11-27T09:15:00+01:00", "sentAt": null, "to": "elin.andersson@example.se",
                    "subject": "Vi har tagit emot ditt meddelande", "bodyHtml": null, "promisedDate": "2026-12-01",
                    "contactPerson": { "name": "Hanna Lindqvist", "title": "Handläggare", "phone": "08-530 612 34", "email": "handlaggare@sandbox.botkyrka.se" },
                    "error": "Brevlådan svarade inte: mottagaren finns inte." },
                  { "acknowledgementId": "6f1c0d2e-0000-4000-8000-000000000002", "kind": "update", "status": "queued",
                    "createdAt": "2026-11-27T10:00:00+01:00", "sentAt": null, "to": "elin.andersson@example.se",
                    "subject": "Nytt besked om ditt meddelande", "bodyHtml": "<p>Du får svar senast fredag 4 december 2026.</p>",
                    "promisedDate": "2026-12-04", "contactPerson": { "name": "Hanna Lindqvist", "email": "handlaggare@sandbox.botkyrka.se" },
                    "error": null } ]
                """,
        }));
        await ReceiveAsync("Fråga om soptunnor", "Hej! När töms soptunnorna i Alby? Elin");

        var failed = Pane.Locator("#sent li.receipt[data-status=failed] [role=alert]");
        await Assertions.Expect(failed).ToContainTextAsync("Kunde inte skickas");
        await Assertions.Expect(failed).ToContainTextAsync("mottagaren finns inte");
        await Assertions.Expect(failed).ToContainTextAsync("Nytt besked");
        await Assertions.Expect(Pane.Locator("#sent li.receipt[data-status=queued]")).ToContainTextAsync("Väntar på att skickas");
        await Assertions.Expect(Pane.GetByRole(AriaRole.Heading, new() { Name = "Nytt besked", Exact = true })).ToHaveCountAsync(2);
    }
}
