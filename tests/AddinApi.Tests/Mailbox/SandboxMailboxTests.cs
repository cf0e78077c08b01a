using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Mailbox;

[TestClass]
public sealed class SandboxMailboxTests
{
    /// <summary>Wednesday 2026-11-25, 10:00: a working day, so that some seeded mail is due today.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory(now: Wednesday);

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static async Task<List<JsonElement>> Messages() =>
        (await _api.Official().GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!;

    [TestMethod]
    public async Task The_sandbox_is_seeded_with_citizen_mail_of_every_category_some_due_today_and_some_overdue()
    {
        var messages = await Messages();
        Assert.IsGreaterThanOrEqualTo(12, messages.Count);

        var promises = new List<JsonElement>();
        foreach (var message in messages)
            promises.Add((await _api.Official().GetFromJsonAsync<JsonElement>($"/api/messages/{message.GetProperty("id").GetString()}/promise"))!);

        var categories = promises.Select(p => p.GetProperty("category").GetString()).ToHashSet();
        CollectionAssert.IsSubsetOf(new[] { "question", "opinion", "fault-report", "document-request", "callback", "internal", "automatic" },
            categories.ToArray());
        CollectionAssert.IsSubsetOf(new[] { "sv", "fi", "en" }, promises.Select(p => p.GetProperty("language").GetString()).Distinct().ToArray());
        Assert.IsTrue(promises.Any(p => p.GetProperty("state").GetString() == "overdue"), "some are overdue");
        Assert.IsTrue(promises.Any(p => p.GetProperty("workingDaysLeft").ValueKind == JsonValueKind.Number &&
                                        p.GetProperty("workingDaysLeft").GetInt32() == 0), "some are due today");
        Assert.IsTrue(promises.Any(p => p.GetProperty("state").GetString() == "open"), "some are open");
        Assert.IsTrue(promises.Any(p => p.GetProperty("sensitive").GetBoolean()), "one holds a personal identity number");
    }

    [TestMethod]
    public async Task A_message_added_to_the_sandbox_gets_a_promise()
    {
        var response = await _api.Official().PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Test Person", address = "test.person@example.se" },
            subject = "Begäran om allmän handling",
            bodyText = "Jag vill ta del av protokollet från nämnden.",
            receivedAt = "2026-11-24T15:00:00+01:00",
        });

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var promise = await _api.Official().GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        Assert.AreEqual("document-request", promise.GetProperty("category").GetString());
        Assert.AreEqual("2026-11-24", promise.GetProperty("dueDate").GetString());
        Assert.AreEqual("overdue", promise.GetProperty("state").GetString());
        Assert.AreEqual(-1, promise.GetProperty("workingDaysLeft").GetInt32());
    }

    [TestMethod]
    [DataRow("{ \"subject\": \"x\", \"bodyText\": \"y\" }", DisplayName = "no sender")]
    [DataRow("{ \"from\": { \"address\": \"a@example.se\" }, \"subject\": \"x\" }", DisplayName = "no body")]
    public async Task A_message_without_sender_or_body_is_a_400(string json)
    {
        var response = await _api.Official().PostAsync("/api/sandbox/messages", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [TestMethod]
    public async Task A_reply_makes_the_message_answered()
    {
        var id = (await Messages()).First(m => m.GetProperty("subject").GetString() == "Synpunkt på snöröjningen").GetProperty("id").GetString();

        var reply = await _api.Official().PostAsJsonAsync($"/api/sandbox/messages/{id}/reply", new { bodyHtml = "<p>Tack, vi ser över det.</p>" });

        Assert.AreEqual(HttpStatusCode.Created, reply.StatusCode);
        var promise = await _api.Official().GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        Assert.AreEqual("answered", promise.GetProperty("state").GetString());
        var sent = await _api.Official().GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent");
        Assert.AreEqual("SV: Synpunkt på snöröjningen", sent!.Single(s => s.GetProperty("inReplyTo").GetString() == id).GetProperty("subject").GetString());
    }

    [TestMethod]
    public async Task The_official_can_change_the_category_and_the_due_date_follows()
    {
        var id = (await Messages()).First(m => m.GetProperty("subject").GetString() == "Fråga om plats i förskola").GetProperty("id").GetString();

        var response = await _api.Official().PutAsJsonAsync($"/api/messages/{id}/category", new { category = "document-request" });

        var promise = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("document-request", promise.GetProperty("category").GetString());
        Assert.IsTrue(promise.GetProperty("categoryChosenByOfficial").GetBoolean());
        Assert.AreEqual("2026-11-24", promise.GetProperty("dueDate").GetString(), "received Tuesday: due the same day");
        Assert.AreEqual(HttpStatusCode.BadRequest,
            (await _api.Official().PutAsJsonAsync($"/api/messages/{id}/category", new { category = "spam" })).StatusCode);
    }

    [TestMethod]
    public async Task Two_panes_opening_the_same_message_at_once_both_get_its_promise()
    {
        var id = (await Messages()).First(m => m.GetProperty("subject").GetString() == "Klagomål på bemötande").GetProperty("id").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _api.Official().GetAsync($"/api/messages/{id}/promise")));

        CollectionAssert.AreEqual(Enumerable.Repeat(HttpStatusCode.OK, 12).ToArray(), responses.Select(r => r.StatusCode).ToArray());
    }

    [TestMethod]
    public async Task An_unknown_message_is_a_404_problem()
    {
        var response = await _api.Official().GetAsync("/api/messages/finns-inte/promise");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task The_sandbox_and_promises_need_a_signed_in_official()
    {
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await _api.CreateClient().GetAsync("/api/sandbox/messages")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await _api.ClientAs("Annan").GetAsync("/api/sandbox/sent")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await _api.ClientAs("Annan").GetAsync("/api/messages/x/promise")).StatusCode);
    }

    [TestMethod]
    public async Task A_web_form_mail_is_the_citizens_and_its_receipt_goes_to_the_reply_to_with_the_question_quoted()
    {
        using var api = new KontaktlofteFactory(now: Wednesday);
        var official = api.SandboxOfficial();
        var id = await official.MessageIdAsync("Kontakta oss: fråga om carport");

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        var sent = await official.PostOnceAsync($"/api/messages/{id}/acknowledgement", new { }, "form-1");

        Assert.AreEqual("question", promise.GetProperty("category").GetString(), "noreply@ and Auto-Submitted belong to the form, not to Mehmet");
        Assert.AreEqual(HttpStatusCode.Created, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        var receipt = (await official.SentForAsync(id)).Single();
        Assert.AreEqual("mehmet.yilmaz@example.se", receipt.GetProperty("to").GetString());
        StringAssert.Contains(receipt.GetProperty("bodyHtml").GetString(), "Behöver jag bygglov för en carport på 20 kvadratmeter bredvid huset?");
    }

    [TestMethod]
    public async Task A_sensitive_message_is_not_quoted_in_its_receipt()
    {
        using var api = new KontaktlofteFactory(now: Wednesday);
        var official = api.SandboxOfficial();
        var id = await official.MessageIdAsync("Ekonomiskt bistånd");

        await official.PostOnceAsync($"/api/messages/{id}/acknowledgement", new { }, "bistand-1");

        var body = (await official.SentForAsync(id)).Single().GetProperty("bodyHtml").GetString()!;
        Assert.IsFalse(body.Contains("avslag", StringComparison.Ordinal) || body.Contains("811218", StringComparison.Ordinal), body);
    }

    [TestMethod]
    public async Task A_web_form_with_the_form_systems_boilerplate_is_still_the_citizens_question()
    {
        using var api = new KontaktlofteFactory(now: Wednesday);
        var official = api.SandboxOfficial();
        var posted = await official.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Botkyrka kommun e-tjänster", address = "noreply@botkyrka.se" },
            subject = "Kontakta oss",
            bodyText = "Detta är ett automatiskt genererat meddelande. Svara inte på detta mejl.\n\nNamn: Sara Nilsson\n\nHej! Hur ansöker jag om bygglov för en carport?",
            headers = new Dictionary<string, string> { ["Reply-To"] = "Sara Nilsson <sara.nilsson@example.se>", ["Auto-Submitted"] = "auto-generated" },
        });
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");

        Assert.AreEqual("question", promise.GetProperty("category").GetString());
        Assert.AreEqual("2026-11-27", promise.GetProperty("dueDate").GetString());
    }
}
