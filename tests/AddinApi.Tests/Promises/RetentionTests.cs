using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Sandbox;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Promises;

/// <summary>
/// design.md, Data (GDPR art. 5(1)(c, e)): a citizen's name, address and subject are kept while the promise is open,
/// erased a configurable time after it is answered, and never kept for a sensitive mail.
/// </summary>
[TestClass]
public sealed class RetentionTests
{
    /// <summary>Saturday 2026-11-28, 10:00: the factory's own clock; the answer is given then.</summary>
    private static readonly DateTimeOffset AnsweredAt = Tests.Drafts.Reviewing.Now;

    private const string Answered = "Bygglov för uterum";
    private const string StillOpen = "Vattenläcka vid lekplatsen";

    private static Dictionary<string, string?>? Days(string? days) => days is null ? null : new() { ["Retention:AnsweredDetailsDays"] = days };

    /// <summary>A sandbox whose official called Anna Berg back at <see cref="AnsweredAt"/>; another mail is tracked but left open.</summary>
    private static async Task<(string Answered, string Open)> CallBackAsync(string database, string? days)
    {
        using var api = new KontaktlofteFactory(now: AnsweredAt, database: database, settings: Days(days));
        var official = api.SandboxOfficial();
        var answered = await official.MessageIdAsync(Answered);
        var open = await official.MessageIdAsync(StillOpen);
        Assert.AreEqual(HttpStatusCode.OK, (await official.GetAsync($"/api/messages/{open}/promise")).StatusCode);
        var put = await official.PutAsJsonAsync($"/api/messages/{answered}/state", new { state = "called-back" });
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode);

        var row = await RowAsync(api, answered);
        Assert.AreEqual("Anna Berg", row.CitizenName, "kept while the promise was open");
        Assert.AreEqual("anna.berg@example.se", row.CitizenAddress);
        Assert.AreEqual(Answered, row.Subject);
        return (answered, open);
    }

    private static async Task<TrackedMessage> RowAsync(KontaktlofteFactory api, string id)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task<int> EraseAsync(KontaktlofteFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnsweredDetails>().EraseAsync(CancellationToken.None);
    }

    [TestMethod]
    [DataRow(null, 30, DisplayName = "the default: 30 days")]
    [DataRow("7", 7, DisplayName = "configured: 7 days")]
    public async Task A_minute_before_the_time_is_up_the_citizens_details_are_still_kept(string? setting, int days)
    {
        var database = KontaktlofteFactory.NewDatabasePath();
        try
        {
            var (answered, _) = await CallBackAsync(database, setting);
            using var later = new KontaktlofteFactory(now: AnsweredAt.AddDays(days).AddMinutes(-1), database: database, settings: Days(setting));
            later.CreateClient(); // starts the host, and with it the start-up round

            Assert.AreEqual(0, await EraseAsync(later));
            var row = await RowAsync(later, answered);
            Assert.AreEqual("Anna Berg", row.CitizenName);
            Assert.AreEqual("anna.berg@example.se", row.CitizenAddress);
            Assert.AreEqual(Answered, row.Subject);
        }
        finally
        {
            if (File.Exists(database)) File.Delete(database);
        }
    }

    [TestMethod]
    [DataRow(null, 30, DisplayName = "the default: 30 days")]
    [DataRow("7", 7, DisplayName = "configured: 7 days")]
    public async Task When_the_time_is_up_the_start_up_round_erases_the_details_and_the_promise_still_answers(string? setting, int days)
    {
        var database = KontaktlofteFactory.NewDatabasePath();
        try
        {
            var (answered, open) = await CallBackAsync(database, setting);
            var before = await BeforeAsync(database, answered);
            using var later = new KontaktlofteFactory(now: AnsweredAt.AddDays(days), database: database, settings: Days(setting));
            var official = later.SandboxOfficial();

            // Nobody calls the job: it runs at start-up by itself.
            var row = await RowAsync(later, answered);
            for (var waited = 0; row.CitizenName is not null && waited < 100; waited++)
            {
                await Task.Delay(100);
                row = await RowAsync(later, answered);
            }
            Assert.IsNull(row.CitizenName);
            Assert.IsNull(row.CitizenAddress);
            Assert.IsNull(row.Subject);
            Assert.IsNull(row.AnswerTo);
            // What the follow-up report counts stays.
            Assert.AreEqual(before.ReceivedAt, row.ReceivedAt);
            Assert.AreEqual(before.Category, row.Category);
            Assert.AreEqual(before.DueDate, row.DueDate);
            Assert.AreEqual(before.AnsweredAt, row.AnsweredAt);
            Assert.AreEqual(AnswerKind.CalledBack, row.AnsweredHow);

            var promise = await official.GetAsync($"/api/messages/{answered}/promise");
            Assert.AreEqual(HttpStatusCode.OK, promise.StatusCode);
            var body = await promise.Content.ReadFromJsonAsync<JsonElement>();
            Assert.AreEqual("answered", body.GetProperty("state").GetString());
            Assert.AreEqual("called-back", body.GetProperty("answeredHow").GetString());
            Assert.AreEqual("question", body.GetProperty("category").GetString());

            Assert.AreEqual("Omar Hassan", (await RowAsync(later, open)).CitizenName, "an open promise keeps its details, however old");
        }
        finally
        {
            if (File.Exists(database)) File.Delete(database);
        }
    }

    private static async Task<TrackedMessage> BeforeAsync(string database, string id)
    {
        using var api = new KontaktlofteFactory(now: AnsweredAt, database: database);
        return await RowAsync(api, id);
    }

    [TestMethod]
    public async Task A_sensitive_web_form_mail_keeps_no_name_address_or_subject_yet_only_a_mail_to_the_citizen_answers_it()
    {
        using var api = new KontaktlofteFactory(now: AnsweredAt);
        var official = api.SandboxOfficial();
        var posted = await official.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Botkyrka kommun e-tjänster", address = "noreply@botkyrka.se" },
            subject = "Kontakta oss: ekonomiskt bistånd",
            bodyText = "Namn: Anna Berg\n\nHej! Jag har fått avslag på ekonomiskt bistånd. Mitt personnummer är 811218-9876.\n\nAnna Berg",
            headers = new Dictionary<string, string> { ["Reply-To"] = "Anna Berg <anna.berg@example.se>", ["Auto-Submitted"] = "auto-generated" },
        });
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var watcher = api.Services.GetRequiredService<MailboxWatcher>();
        await watcher.RoundAsync(CancellationToken.None);

        var row = await RowAsync(api, id);
        Assert.IsTrue(row.Sensitive);
        Assert.IsNull(row.CitizenName);
        Assert.IsNull(row.CitizenAddress);
        Assert.IsNull(row.Subject);
        Assert.IsNotNull(row.AnswerTo, "whom the answer must reach is still known");
        Assert.DoesNotContain("anna", row.AnswerTo, "but not readable");

        // The reply button answers noreply@: no answer. A mail to the citizen is.
        await official.PostAsJsonAsync($"/api/sandbox/messages/{id}/reply", new { bodyHtml = "<p>Tack.</p>" });
        await watcher.RoundAsync(CancellationToken.None);
        Assert.IsNull((await RowAsync(api, id)).AnsweredAt, "a mail to noreply@ does not reach the citizen");

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var sandbox = scope.ServiceProvider.GetRequiredService<SandboxDb>();
            sandbox.SandboxSentMail.Add(new SandboxSentMail
            {
                Id = "sent-to-anna", InReplyTo = id, To = "Anna.Berg@example.se", Subject = "Svar från Botkyrka kommun", BodyHtml = "<p>Hej Anna!</p>",
                // A second later than the reply before it: the sandbox feed reads Sent Items in order of time.
                IsDraft = false, CreatedAt = AnsweredAt, SentAt = AnsweredAt.AddSeconds(1),
            });
            await sandbox.SaveChangesAsync();
        }
        await watcher.RoundAsync(CancellationToken.None);
        Assert.IsNotNull((await RowAsync(api, id)).AnsweredAt, "the mail to the citizen is the answer");
    }
}
