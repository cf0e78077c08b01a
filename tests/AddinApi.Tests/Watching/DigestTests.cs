using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// The morning reminders (issue: each working morning at 07:30 every official with something due today or overdue gets
/// one short digest mail; nothing when nothing is due; a function mailbox's digest goes to its watchers; plain Swedish
/// that passes the product's own review).
/// </summary>
[TestClass]
public sealed class DigestTests
{
    /// <summary>Wednesday 2026-11-25 in Stockholm (UTC+1).</summary>
    private static DateTimeOffset Wednesday(int hour, int minute) => new(2026, 11, 25, hour, minute, 0, TimeSpan.FromHours(1));
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";

    private static KontaktlofteFactory Api(DateTimeOffset now, string? database = null) => new(now: now, database: database);

    private static async Task<string> PostAsync(HttpClient client, string subject, DateTimeOffset received, string? mailbox = null,
        string text = "Hej! Jag undrar när ni tömmer sopkärlen på Storvretsvägen. Karin")
    {
        var posted = await client.PostAsJsonAsync("/api/sandbox/messages",
            new { from = new { name = "Karin Lund", address = "karin.lund@example.se" }, subject, bodyText = text, receivedAt = received, mailbox });
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> DigestsAsync(HttpClient client, string to) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!
        .Where(s => s.GetProperty("to").GetString() == to && s.GetProperty("subject").GetString()!.StartsWith("Kontaktlöfte:", StringComparison.Ordinal)).ToList();

    private static async Task<int> RunAsync(KontaktlofteFactory api)
    {
        var watcher = api.Services.GetRequiredService<MailboxWatcher>();
        await watcher.RoundAsync(CancellationToken.None);
        return await watcher.DigestsAsync(CancellationToken.None);
    }

    [TestMethod]
    public async Task At_half_past_seven_an_official_gets_one_digest_of_what_is_overdue_and_due_today_most_urgent_first()
    {
        await using var api = Api(Wednesday(7, 30));
        var hanna = api.SandboxOfficial(Hanna);
        await PostAsync(hanna, "Sophämtning i tid", Wednesday(7, 0)); // due Friday: not in it
        await PostAsync(hanna, "Fråga från måndag", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1))); // due today
        await PostAsync(hanna, "Fråga från förra veckan", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(1))); // due Monday: overdue
        await PostAsync(hanna, "Bygglov", Wednesday(6, 0), "bygglov@sandbox.botkyrka.se",
            "Hej! Jag har skyddad identitet. Får jag bygga ett plank? Karin"); // sensitive, received today: not due
        await PostAsync(hanna, "Strandskydd", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(1)), "bygglov@sandbox.botkyrka.se",
            "Hej! Får jag bygga en brygga? Karin"); // due Tuesday in bygglov@: overdue, to its watchers

        Assert.IsGreaterThan(0, await RunAsync(api));
        Assert.AreEqual(0, await RunAsync(api), "one a day, however many rounds");

        var digest = (await DigestsAsync(hanna, Hanna)).Single();
        Assert.AreEqual("auto-generated", digest.GetProperty("headers").GetProperty("Auto-Submitted").GetString());
        Assert.AreEqual(Hanna, digest.GetProperty("mailbox").GetString(), "sent from her own mailbox to herself");
        var html = digest.GetProperty("bodyHtml").GetString()!;
        StringAssert.Contains(html, "Försenat, skulle ha besvarats 23 november 2026: ”Fråga från förra veckan” från Karin Lund.");
        StringAssert.Contains(html, "Svara i dag: ”Fråga från måndag” från Karin Lund.");
        StringAssert.Contains(html, "”Strandskydd” från Karin Lund. I bygglov@sandbox.botkyrka.se.");
        Assert.IsLessThan(html.IndexOf("Fråga från måndag", StringComparison.Ordinal), html.IndexOf("Fråga från förra veckan", StringComparison.Ordinal));
        Assert.DoesNotContain("Sophämtning i tid", html);
        Assert.DoesNotContain("plank", html);

        var elin = api.SandboxOfficial("enhetschef@sandbox.botkyrka.se");
        StringAssert.Contains((await DigestsAsync(elin, "enhetschef@sandbox.botkyrka.se")).Single().GetProperty("bodyHtml").GetString(), "Strandskydd",
            "a function mailbox's mail reaches each of its watchers");
    }

    [TestMethod]
    public async Task A_restarted_or_second_instance_sends_no_second_digest_that_day()
    {
        var database = KontaktlofteFactory.NewDatabasePath();
        await using (var first = Api(Wednesday(7, 45), database))
        {
            await PostAsync(first.SandboxOfficial(Hanna), "Fråga från förra veckan", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(1)));
            Assert.IsGreaterThan(0, await RunAsync(first));
        }
        await using var second = Api(Wednesday(9, 0), database);
        Assert.AreEqual(0, await RunAsync(second), "the database's one-a-day index, not the instance's memory");
        Assert.HasCount(1, await DigestsAsync(second.SandboxOfficial(Hanna), Hanna));
        File.Delete(database);
    }

    [TestMethod]
    public async Task Before_half_past_seven_and_on_a_day_off_there_is_none()
    {
        await using (var early = Api(Wednesday(7, 29)))
        {
            await PostAsync(early.SandboxOfficial(Hanna), "Fråga från förra veckan", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(1)));
            Assert.AreEqual(0, await RunAsync(early));
        }
        await using var saturday = Api(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(1)));
        await PostAsync(saturday.SandboxOfficial(Hanna), "Fråga från förra veckan", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(1)));
        Assert.AreEqual(0, await RunAsync(saturday));
        Assert.IsEmpty(await DigestsAsync(saturday.SandboxOfficial(Hanna), Hanna));
    }

    [TestMethod]
    public async Task An_official_with_nothing_due_gets_nothing()
    {
        await using var api = Api(Wednesday(8, 0));
        var sofia = api.SandboxOfficial("sofia.ahmed@botkyrka.se");
        Assert.AreEqual(HttpStatusCode.OK, (await sofia.GetAsync("/api/me")).StatusCode); // signed in once: the watcher knows her
        await RunAsync(api);
        Assert.IsEmpty(await DigestsAsync(sofia, "sofia.ahmed@botkyrka.se"));
    }

    [TestMethod]
    public void The_digest_passes_the_products_own_review()
    {
        using var api = Api(Wednesday(7, 30));
        var today = new DateOnly(2026, 11, 25);
        TrackedMessage Due(string? subject, string? name, DateOnly due, string mailbox = Hanna) => new()
        {
            Id = Guid.NewGuid().ToString(), Mailbox = mailbox, Language = "sv", DueDate = due, Subject = subject, CitizenName = name,
            CitizenAddress = name is null ? null : "karin.lund@example.se", WebLink = "https://outlook.office.com/mail/id/AAMk",
        };
        var html = DigestSender.Html([
            Due("Fråga om bygglov för carport", "Karin Lund", today.AddDays(-2)), Due(null, null, today),
            Due("Strandskydd vid Tullingesjön", "Olle Berg", today, "bygglov@sandbox.botkyrka.se"),
        ], Hanna, today);

        using var scope = api.Services.CreateScope();
        var review = scope.ServiceProvider.GetRequiredService<DraftReviewer>()
            .Review(new DraftReviewRequest(DigestSender.Subject(3), html, null, [new MailAddress("Hanna Lindqvist", Hanna)], null, null, null));
        var faults = review.Findings.Where(f => f.Severity != Severity.Info && f.Rule != "signature.missing")
            .Select(f => $"{f.Rule} ({f.Severity}) \"{f.Excerpt}\": {f.Message}").ToList();
        Assert.IsEmpty(faults, string.Join("\n", faults));
        StringAssert.Contains(html, "Ett meddelande med känsligt innehåll");
        StringAssert.Contains(html, "<a href=\"https://outlook.office.com/mail/id/AAMk\">Öppna mejlet</a>");
        Assert.AreEqual("Kontaktlöfte: 1 mejl att svara på", DigestSender.Subject(1));
    }
}
