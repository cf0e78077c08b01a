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
/// Hand-over from the pane (design.md: POST /api/messages/{id}/handover): the mail is forwarded, the promise keeps its
/// received date and due date and follows the message to the new mailbox, the citizen is told of the new contact person.
/// </summary>
[TestClass]
public sealed class HandoverTests
{
    /// <summary>Monday 2026-11-23, 09:00: a working day; the mail below came in on Friday 2026-11-20.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 15, 30, 0, TimeSpan.FromHours(1));
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";
    private const string Elin = "enhetschef@sandbox.botkyrka.se";
    private const string Citizen = "karin.lund@example.se";

    private static KontaktlofteFactory Api() => new(now: Monday);

    private static async Task<string> PostMailAsync(HttpClient client, string? mailbox = null, string subject = "Bygglov för carport",
        string text = "Hej! Behöver jag bygglov för en carport på 30 kvadratmeter? Hälsningar Karin")
    {
        var posted = await client.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Karin Lund", address = Citizen }, subject, bodyText = text, mailbox, receivedAt = Friday,
        });
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> HandOverAsync(HttpClient client, string id, object body, string? mailbox = null) =>
        client.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(id)}/handover" + (mailbox is null ? "" : $"?mailbox={mailbox}"), body);

    private static async Task<List<JsonElement>> SentAsync(HttpClient client, string inReplyTo) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!.Where(s => s.GetProperty("inReplyTo").GetString() == inReplyTo).ToList();

    private static async Task<List<JsonElement>> WorklistAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/worklist")).GetProperty("items").EnumerateArray().ToList();

    private static Task RoundAsync(KontaktlofteFactory api) => api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

    [TestMethod]
    public async Task A_hand_over_forwards_the_mail_and_the_promise_follows_it_with_its_due_date()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial(Hanna);
        var id = await PostMailAsync(hanna);
        var before = await hanna.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        Assert.AreEqual("2026-11-24", before.GetProperty("dueDate").GetString(), "Friday + two working days");

        var answer = await HandOverAsync(hanna, id, new { to = new { name = "Elin Sandberg", address = Elin }, note = "Du kan carportreglerna bäst.", notifyCitizen = true });

        Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(Elin, result.GetProperty("handedOverTo").GetProperty("address").GetString());
        Assert.AreEqual("2026-11-24", result.GetProperty("dueDate").GetString(), "the due date is kept, not counted again from today");

        // The forward to Elin (telling her she is the contact person) and the note to the citizen, nothing else.
        var sent = await SentAsync(hanna, id);
        Assert.HasCount(2, sent);
        var forward = sent.Single(s => s.GetProperty("to").GetString() == Elin);
        StringAssert.StartsWith(forward.GetProperty("subject").GetString(), "VB: ");
        StringAssert.Contains(forward.GetProperty("bodyHtml").GetString(), "Du är nu kontaktperson");
        StringAssert.Contains(forward.GetProperty("bodyHtml").GetString(), "Svara senast 24 november 2026");
        StringAssert.Contains(forward.GetProperty("bodyHtml").GetString(), "Du kan carportreglerna bäst.");
        var notice = sent.Single(s => s.GetProperty("to").GetString() == Citizen);
        StringAssert.Contains(notice.GetProperty("bodyHtml").GetString(), "Din nya kontaktperson är Elin Sandberg");
        Assert.DoesNotContain("carport", notice.GetProperty("bodyHtml").GetString()!, "the note says nothing of what the citizen wrote");

        // Hanna's copy is handed over: out of her worklist, its state says so.
        var after = await hanna.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");
        Assert.AreEqual("handed-over", after.GetProperty("state").GetString());
        Assert.AreEqual(Elin, after.GetProperty("handedOverTo").GetProperty("address").GetString());
        Assert.AreEqual(JsonValueKind.Null, after.GetProperty("handedOverBy").ValueKind);

        // The forward arrived in Elin's mailbox; the watcher tracks it with the citizen's promise, not as internal mail.
        await RoundAsync(api);
        var elin = api.SandboxOfficial(Elin);
        Assert.IsFalse((await WorklistAsync(hanna)).Any(i => i.GetProperty("messageId").GetString() == id));
        var item = (await WorklistAsync(elin)).Single(i => i.GetProperty("handedOverBy").ValueKind == JsonValueKind.Object);
        Assert.AreEqual("Hanna Lindqvist", item.GetProperty("handedOverBy").GetProperty("name").GetString());
        Assert.AreEqual("2026-11-24", item.GetProperty("dueDate").GetString());
        Assert.AreEqual("question", item.GetProperty("category").GetString());
        Assert.AreEqual(Citizen, item.GetProperty("from").GetProperty("address").GetString());
        Assert.AreEqual("Bygglov för carport", item.GetProperty("subject").GetString());
        Assert.AreEqual(Elin, item.GetProperty("contactPerson").GetProperty("email").GetString());
        var copy = await elin.GetFromJsonAsync<JsonElement>($"/api/messages/{item.GetProperty("messageId").GetString()}/promise");
        Assert.AreEqual("Hanna Lindqvist", copy.GetProperty("handedOverBy").GetProperty("name").GetString());
        Assert.AreEqual(new DateOnly(2026, 11, 20), Stockholm.DayOf(copy.GetProperty("receivedAt").GetDateTimeOffset()),
            "received the day the municipality got it (FL 22 §)");

        // Neither the forward nor the note answers the citizen: Hanna's copy was not "answered" by them.
        await using var scope = api.Services.CreateAsyncScope();
        var original = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.SingleAsync(m => m.Id == id);
        Assert.IsNull(original.AnsweredAt);
        Assert.IsNull((await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Handovers.SingleAsync()).Note, "the note is part of a body: gone once sent");
    }

    [TestMethod]
    public async Task The_new_holder_answering_the_citizen_keeps_the_promise()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial(Hanna);
        var id = await PostMailAsync(hanna);
        Assert.AreEqual(HttpStatusCode.Created, (await HandOverAsync(hanna, id, new { to = new { address = Elin }, notifyCitizen = false })).StatusCode);
        Assert.HasCount(1, await SentAsync(hanna, id), "no note to the citizen when not asked for");
        await RoundAsync(api);
        var elin = api.SandboxOfficial(Elin);
        var copyId = (await WorklistAsync(elin)).Single(i => i.GetProperty("handedOverBy").ValueKind == JsonValueKind.Object).GetProperty("messageId").GetString()!;

        // A thank-you to Hanna is no answer; only a mail to the citizen is.
        await elin.PostAsJsonAsync($"/api/sandbox/messages/{copyId}/reply", new { bodyHtml = "<p>Tack, jag tar den.</p>" });
        await RoundAsync(api);
        Assert.AreEqual("open", (await elin.GetFromJsonAsync<JsonElement>($"/api/messages/{copyId}/promise")).GetProperty("state").GetString());
        var reply = await elin.PostAsJsonAsync($"/api/sandbox/messages/{copyId}/reply",
            new { bodyHtml = "<p>Hej Karin! Ja, en carport på 30 m² behöver bygglov.</p>", to = new { name = "Karin Lund", address = Citizen } });
        Assert.IsTrue(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        await RoundAsync(api);
        var promise = await elin.GetFromJsonAsync<JsonElement>($"/api/messages/{copyId}/promise");
        CollectionAssert.AreEquivalent(new[] { Hanna, Citizen }, (await SentAsync(elin, copyId)).Select(s => s.GetProperty("to").GetString()).ToList());
        Assert.AreEqual("answered", promise.GetProperty("state").GetString());
    }

    [TestMethod]
    public async Task Bad_hand_overs_are_refused_with_a_Swedish_reason_and_change_nothing()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial(Hanna);
        var id = await PostMailAsync(hanna);

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { }, "to"),
                     (new { to = new { address = "inte en adress" } }, "to"),
                     (new { to = new { address = "granne@gmail.com" } }, "to"),
                     (new { to = new { address = Hanna } }, "to"),
                     (new { to = new { address = Elin }, note = "Hennes personnummer är 19800101-0019." }, "note"),
                     (new { to = new { address = Elin }, note = new string('x', 501) }, "note"),
                 })
        {
            var answer = await HandOverAsync(hanna, id, body);
            Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode, JsonSerializer.Serialize(body));
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.IsTrue(problem.GetProperty("errors").TryGetProperty(field, out _), JsonSerializer.Serialize(body));
        }
        Assert.IsEmpty(await SentAsync(hanna, id));
        Assert.AreEqual("open", (await hanna.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("state").GetString());

        // A note of exactly 500 characters is fine; the same hand-over again is a conflict, not a second forward.
        Assert.AreEqual(HttpStatusCode.Created, (await HandOverAsync(hanna, id, new { to = new { address = Elin }, note = new string('x', 500) })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Conflict, (await HandOverAsync(hanna, id, new { to = new { address = Elin } })).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await HandOverAsync(hanna, "finns-inte", new { to = new { address = Elin } })).StatusCode);
    }

    [TestMethod]
    public async Task Internal_mail_has_no_promise_to_hand_over()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial(Hanna);
        var posted = await hanna.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Per Holm", address = "per.holm@sandbox.botkyrka.se" }, subject = "Fika", bodyText = "Fika kl 15 i dag?",
        });
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, (await HandOverAsync(hanna, id!, new { to = new { address = Elin } })).StatusCode);
    }

    [TestMethod]
    public async Task A_mail_in_a_function_mailbox_is_handed_over_from_it_by_its_watcher_only()
    {
        await using var api = Api();
        var hanna = api.SandboxOfficial(Hanna);
        var id = await PostMailAsync(hanna, mailbox: "bygglov@sandbox.botkyrka.se");

        var rasmus = api.SandboxOfficial("registrator@sandbox.botkyrka.se");
        Assert.AreEqual(HttpStatusCode.Forbidden,
            (await HandOverAsync(rasmus, id, new { to = new { address = Elin } }, mailbox: "bygglov@sandbox.botkyrka.se")).StatusCode, "not a watcher");
        Assert.AreEqual(HttpStatusCode.Forbidden,
            (await HandOverAsync(hanna, id, new { to = new { address = Elin } }, mailbox: "kontaktcenter@sandbox.botkyrka.se")).StatusCode, "not hers");
        Assert.AreEqual(HttpStatusCode.BadRequest,
            (await HandOverAsync(hanna, id, new { to = new { address = Elin } }, mailbox: "bygglov")).StatusCode, "not an address");

        var answer = await HandOverAsync(hanna, id, new { to = new { address = Elin } }, mailbox: "bygglov@sandbox.botkyrka.se");
        Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        Assert.AreEqual("bygglov@sandbox.botkyrka.se", (await db.Messages.SingleAsync(m => m.Id == id)).Mailbox);
        Assert.AreEqual("bygglov@sandbox.botkyrka.se", (await db.Handovers.SingleAsync()).Mailbox);
    }
}
