using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// The watcher on the sandbox mailboxes: mail is tracked when it arrives, without anyone opening it, and shows in the
/// worklist of the mailbox's owner and of a function mailbox's watchers; a sent answer takes it off.
/// </summary>
[TestClass]
public sealed class WatcherTests
{
    /// <summary>Wednesday 2026-11-25, 10:00: a working day.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

    private static KontaktlofteFactory Api(string? database = null, string poll = "00:00:00.300") =>
        new(now: Wednesday, database: database, settings: new() { ["Watcher:Enabled"] = "true", ["Watcher:PollInterval"] = poll });

    private static async Task<List<JsonElement>> WorklistAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/worklist")).GetProperty("items").EnumerateArray().ToList();

    // The first round goes through every seeded mailbox (five, each with mail in every state) at once with the whole suite
    // running: on a busy 2-core machine that has taken more than 10 s. Only a failing test waits the whole time.
    private static async Task<List<JsonElement>> WaitForAsync(HttpClient client, Func<List<JsonElement>, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        List<JsonElement> items;
        do
        {
            items = await WorklistAsync(client);
            if (done(items)) return items;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        return items;
    }

    private static Task<HttpResponseMessage> PostMailAsync(HttpClient client, string mailbox, string subject, string text,
        Dictionary<string, string>? headers = null, string from = "karin.lund@example.se") =>
        client.PostAsJsonAsync("/api/sandbox/messages", new { from = new { name = "Karin Lund", address = from }, subject, bodyText = text, mailbox, headers });

    [TestMethod]
    public async Task A_mail_to_a_function_mailbox_is_in_its_watchers_worklist_within_seconds_unopened()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");

        var posted = await PostMailAsync(hanna, "bygglov@sandbox.botkyrka.se", "Fråga om strandskydd", "Hej! Får jag bygga en brygga vid Tullingesjön? Karin");
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var items = await WaitForAsync(hanna, i => i.Any(x => x.GetProperty("messageId").GetString() == id));
        var item = items.Single(x => x.GetProperty("messageId").GetString() == id);
        Assert.AreEqual("bygglov@sandbox.botkyrka.se", item.GetProperty("mailbox").GetString());
        Assert.AreEqual("question", item.GetProperty("category").GetString());
        Assert.AreEqual("2026-11-27", item.GetProperty("dueDate").GetString(), "the second working day after Wednesday");
        Assert.AreEqual("Karin Lund", item.GetProperty("from").GetProperty("name").GetString());
        Assert.AreEqual("Fråga om strandskydd", item.GetProperty("subject").GetString());
        Assert.AreEqual("open", item.GetProperty("state").GetString());

        var rasmus = api.SandboxOfficial("registrator@sandbox.botkyrka.se");
        Assert.IsFalse((await WorklistAsync(rasmus)).Any(x => x.GetProperty("messageId").GetString() == id), "not a watcher of bygglov@");
    }

    [TestMethod]
    public async Task The_worklist_is_overdue_first_then_due_today_then_by_due_date_and_only_citizen_mail()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");

        // The watcher saves mail by mail: wait until both mailboxes, the sensitive mail included, are through.
        var items = await WaitForAsync(hanna, i => i.Count >= 10
            && i.Any(x => x.GetProperty("subject").ValueKind == JsonValueKind.Null)
            && i.Any(x => x.GetProperty("subject").ValueKind == JsonValueKind.String && x.GetProperty("subject").GetString() == "Marklov för att fälla träd"));

        var left = items.Select(i => i.GetProperty("workingDaysLeft").GetInt32()).ToList();
        CollectionAssert.AreEqual(left.Order().ToList(), left, "most urgent first");
        Assert.IsTrue(left[0] < 0, "the seeded mail has overdue ones");
        var subjects = items.Select(i => i.GetProperty("subject").ValueKind == JsonValueKind.Null ? null : i.GetProperty("subject").GetString()).ToList();
        CollectionAssert.DoesNotContain(subjects, "Veckans nyheter om bygg och boende", "a newsletter has no promise");
        CollectionAssert.DoesNotContain(subjects, "Möte om detaljplanen", "a colleague's mail has no promise");
        CollectionAssert.DoesNotContain(subjects, "Automatiskt svar: Bygglov Tumba 7:123");
        CollectionAssert.Contains(subjects, "Marklov för att fälla träd", "the function mailbox bygglov@ is watched by Hanna");
        var sensitive = items.Single(i => i.GetProperty("subject").ValueKind == JsonValueKind.Null);
        Assert.AreEqual(JsonValueKind.Null, sensitive.GetProperty("from").ValueKind, "a sensitive mail keeps neither sender nor subject");
    }

    [TestMethod]
    public async Task An_answer_sent_from_the_mailbox_takes_the_mail_off_the_worklist()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        var items = await WaitForAsync(hanna, i => i.Any(x => x.GetProperty("subject").GetString() == "Bygglov för uterum"));
        var id = items.Single(x => x.GetProperty("subject").GetString() == "Bygglov för uterum").GetProperty("messageId").GetString();

        Assert.AreEqual(HttpStatusCode.Created, (await hanna.PostAsJsonAsync($"/api/sandbox/messages/{id}/reply", new { bodyHtml = "<p>Ja, det behövs.</p>" })).StatusCode);

        var after = await WaitForAsync(hanna, i => i.All(x => x.GetProperty("messageId").GetString() != id));
        Assert.IsFalse(after.Any(x => x.GetProperty("messageId").GetString() == id), "answered: no longer open");
    }

    [TestMethod]
    public async Task A_receipt_is_no_answer_it_makes_the_mail_acknowledged()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        var items = await WaitForAsync(hanna, i => i.Any(x => x.GetProperty("subject").GetString() == "Fråga om plats i förskola"));
        var id = items.Single(x => x.GetProperty("subject").GetString() == "Fråga om plats i förskola").GetProperty("messageId").GetString();

        var sent = await hanna.PostOnceAsync($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-04" }, "w-1");
        Assert.AreEqual(HttpStatusCode.Created, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        // The receipt is in Sent Items: once a round or three have read it, the mail is still open, and acknowledged.
        await WaitForAsync(hanna, i => i.Any(x => x.GetProperty("messageId").GetString() == id && x.GetProperty("state").GetString() == "acknowledged"));
        await Task.Delay(1000);

        var item = (await WorklistAsync(hanna)).Single(x => x.GetProperty("messageId").GetString() == id);
        Assert.AreEqual("acknowledged", item.GetProperty("state").GetString());
        Assert.AreEqual("Hanna Lindqvist", item.GetProperty("contactPerson").GetProperty("name").GetString());
    }

    [TestMethod]
    public async Task A_receipt_sent_while_a_round_holds_the_mail_is_still_no_answer()
    {
        // The race a CI run met: the round's Inbox pass reads the mail, the official's receipt is recorded and sent, and the
        // same round's Sent Items pass sees the receipt. The round must judge by what the database holds now.
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        await using var scope = api.Services.CreateAsyncScope();
        var watch = scope.ServiceProvider.GetRequiredService<MailboxWatch>();
        await watch.InboxAsync("handlaggare@sandbox.botkyrka.se", CancellationToken.None);
        await watch.SentAsync("handlaggare@sandbox.botkyrka.se", CancellationToken.None);
        var held = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages
            .SingleAsync(m => m.Subject == "Fråga om plats i förskola" && m.Mailbox == "handlaggare@sandbox.botkyrka.se");

        var sent = await hanna.PostOnceAsync($"/api/messages/{held.Id}/acknowledgement", new { promisedDate = "2026-12-04" }, "w-race");
        Assert.AreEqual(HttpStatusCode.Created, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        await watch.SentAsync("handlaggare@sandbox.botkyrka.se", CancellationToken.None);

        await using var check = api.Services.CreateAsyncScope();
        var now = await check.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.AsNoTracking().SingleAsync(m => m.Id == held.Id);
        Assert.IsNull(now.AnsweredAt, "the product's own receipt is no answer");
        Assert.IsNotNull(now.AcknowledgedAt, "acknowledged");
    }

    [TestMethod]
    public async Task A_registrations_category_survives_a_read_of_the_mailbox_from_before_it_was_set()
    {
        // Graph replaces a message's whole category list: a round that read the mail before the registration's category
        // was set must not write its label from that read and drop the category.
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        var posted = await PostMailAsync(hanna, "handlaggare@sandbox.botkyrka.se", "Ansökan om bygglov", "Hej! Här kommer min ansökan. Karin");
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using var scope = api.Services.CreateAsyncScope();
        var watch = scope.ServiceProvider.GetRequiredService<MailboxWatch>();
        await watch.InboxAsync("handlaggare@sandbox.botkyrka.se", CancellationToken.None);
        await using (var registering = api.Services.CreateAsyncScope())
        {
            var db = registering.ServiceProvider.GetRequiredService<KontaktlofteDb>();
            var facts = await db.Messages.SingleAsync(m => m.Id == id);
            facts.OwnCategories = [.. facts.OwnCategories, PromiseLabels.Registered("SBF/2026:00001")];
            await db.SaveChangesAsync();
            // The official adds a category of their own: the mail shows up in the next delta, without the registration's yet.
            var mailbox = registering.ServiceProvider.GetRequiredService<Kontaktlofte.AddinApi.Mailbox.IMailbox>();
            var owner = new Kontaktlofte.AddinApi.Mailbox.MailboxOwner("handlaggare@sandbox.botkyrka.se", null);
            var message = (await mailbox.GetMessageAsync(owner, id, CancellationToken.None))!;
            await mailbox.MarkAsync(owner, message, new Kontaktlofte.AddinApi.Mailbox.MessageMark("Viktigt", null), CancellationToken.None);
        }

        await using (var nextRound = api.Services.CreateAsyncScope()) // each round has a scope of its own, as in MailboxWatcher
        {
            var next = nextRound.ServiceProvider.GetRequiredService<MailboxWatch>();
            await next.InboxAsync("handlaggare@sandbox.botkyrka.se", CancellationToken.None);
            await next.LabelAsync("handlaggare@sandbox.botkyrka.se", CancellationToken.None);
        }

        await using var check = api.Services.CreateAsyncScope();
        var own = (await check.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.AsNoTracking().SingleAsync(m => m.Id == id)).OwnCategories;
        CollectionAssert.AreEquivalent(new[] { "Viktigt", "Registrerad SBF/2026:00001" }, own);
        var mail = (await hanna.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!.Single(m => m.GetProperty("id").GetString() == id);
        CollectionAssert.AreEquivalent(new[] { "Viktigt", "Registrerad SBF/2026:00001", PromiseLabels.Open },
            mail.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList(), "the label written again, the registration's with it");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.Postgres)]
    public async Task After_a_restart_the_watcher_resumes_and_tracks_nothing_twice(TestDatabase provider)
    {
        var database = KontaktlofteFactory.NewDatabase(provider);
        try
        {
            await using (var first = Api(database))
            {
                await WaitForAsync(first.SandboxOfficial(), i => i.Count >= 10);
            }
            await using var second = Api(database);
            var hanna = second.SandboxOfficial();
            await PostMailAsync(hanna, "handlaggare@sandbox.botkyrka.se", "Ny fråga efter omstart", "Hej! Hur söker jag parkeringstillstånd? Karin");
            await WaitForAsync(hanna, i => i.Any(x => x.GetProperty("subject").GetString() == "Ny fråga efter omstart"));

            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
            var ids = await db.Messages.Select(m => m.Id).ToListAsync();
            Assert.AreEqual(ids.Count, ids.Distinct().Count());
            // Every mailbox's round completes in its own time (a few at once): wait for the last to keep its link.
            List<FeedState> states;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            do
            {
                states = await db.Set<FeedState>().AsNoTracking().Where(s => s.Folder == "inbox").ToListAsync();
                if (states.All(s => s.Link is not null)) break;
                await Task.Delay(200);
            } while (DateTime.UtcNow < deadline);
            Assert.IsTrue(states.All(s => s.Link is not null), "every mailbox keeps where it is");
        }
        finally
        {
            if (provider == TestDatabase.Sqlite && File.Exists(database)) File.Delete(database);
        }
    }

    [TestMethod]
    public async Task The_worklist_needs_a_signed_in_official()
    {
        await using var api = Api();

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/worklist")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await api.ClientAs(Kontaktlofte.AddinApi.Auth.Roles.Registrator).GetAsync("/api/worklist")).StatusCode);
    }
}
