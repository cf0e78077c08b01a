using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Audit;

/// <summary>
/// Issue 12: acknowledgements, new answer dates, answers without mail, hand-overs and automatic receipts leave their lines
/// in the audit log — under our own record's id or a short key, with dates and choices only, never the citizen or a text.
/// </summary>
[TestClass]
public sealed class AuditTrailTests
{
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";
    private const string Elin = "enhetschef@sandbox.botkyrka.se";
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";

    private static async Task<string> StoredIdAsync(KontaktlofteFactory api, Guid ack)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Acknowledgements.SingleAsync(a => a.Id == ack)).MessageId;
    }

    [TestMethod]
    public async Task A_receipt_and_a_new_answer_date_are_each_logged_queued_then_sent_under_their_own_id()
    {
        await using var api = new KontaktlofteFactory();
        var hanna = api.SandboxOfficial(Hanna);
        var id = await hanna.MessageIdAsync("Bygglov för uterum");
        var seeded = await AuditRows.LastIdAsync(api);

        var first = await hanna.PostOnceAsync($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-08", personalLine = "Jag ringer Anna Berg i morgon." }, "a1");
        Assert.AreEqual(HttpStatusCode.Created, first.StatusCode, await first.Content.ReadAsStringAsync());
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgementId").GetGuid();
        // The same click again: the first answer, and no second line.
        Assert.AreEqual(HttpStatusCode.Created, (await hanna.PostOnceAsync($"/api/messages/{id}/acknowledgement",
            new { promisedDate = "2026-12-08", personalLine = "Jag ringer Anna Berg i morgon." }, "a1")).StatusCode);

        var lines = await AuditRows.OfAsync(api, firstId);
        CollectionAssert.AreEqual(new[] { "acknowledgement.queued", "acknowledgement.sent" }, lines.Select(l => l.Action).ToArray());
        Assert.IsTrue(lines.All(l => l.Actor == Hanna));
        var key = AuditLog.MessageKey(await StoredIdAsync(api, firstId));
        Assert.AreEqual($"message={key}; kind=receipt; promised=2026-12-08; contact={Hanna}; language=sv", lines[0].Details);
        Assert.AreEqual(lines[0].Details, lines[1].Details);

        var update = await hanna.PostOnceAsync($"/api/messages/{id}/acknowledgement/update", new { promisedDate = "2026-12-10" }, "u1");
        Assert.AreEqual(HttpStatusCode.Created, update.StatusCode, await update.Content.ReadAsStringAsync());
        var updateId = (await update.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgementId").GetGuid();
        var later = await AuditRows.OfAsync(api, updateId);
        CollectionAssert.AreEqual(new[] { "acknowledgement.new-date-queued", "acknowledgement.sent" }, later.Select(l => l.Action).ToArray());
        StringAssert.Contains(later[1].Details, "kind=new-date; promised=2026-12-10");
        StringAssert.Contains(later[1].Details, $"message={key}", "both name the same message");

        var all = await AuditRows.SinceAsync(api, seeded);
        Assert.HasCount(4, all);
        Assert.IsFalse(all.Any(l => (l.Details ?? "").Contains("Anna", StringComparison.OrdinalIgnoreCase) || l.Target.Length > 64));
    }

    [TestMethod]
    public async Task A_call_back_is_logged_with_whether_there_is_a_note_but_never_the_note()
    {
        await using var api = new KontaktlofteFactory();
        var hanna = api.SandboxOfficial(Hanna);
        var id = await hanna.MessageIdAsync("Bygglov för uterum");
        var seeded = await AuditRows.LastIdAsync(api);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await hanna.PutAsJsonAsync($"/api/messages/{id}/state", new { state = "maybe" })).StatusCode);
        Assert.IsEmpty(await AuditRows.SinceAsync(api, seeded), "a refused change leaves no line");

        var put = await hanna.PutAsJsonAsync($"/api/messages/{id}/state", new { state = "called-back", note = "Ringde Anna Berg om uterummet" });
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode);
        var again = await hanna.PutAsJsonAsync($"/api/messages/{id}/state", new { state = "answered-elsewhere" });
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode);

        var lines = await AuditRows.SinceAsync(api, seeded);
        Assert.HasCount(2, lines);
        Assert.IsTrue(lines.All(l => l.Action == "promise.answered-otherwise" && l.Actor == Hanna));
        Assert.AreEqual(lines[0].Target, lines[1].Target, "one stable key for the message");
        Assert.IsTrue(lines[0].Target.StartsWith("msg-", StringComparison.Ordinal) && lines[0].Target.Length == 36, lines[0].Target);
        StringAssert.StartsWith(lines[0].Details, "how=called-back; note=yes; due=");
        StringAssert.StartsWith(lines[1].Details, "how=answered-elsewhere; note=no; due=");
        Assert.DoesNotContain("Anna", lines[0].Details!);
    }

    private static async Task<string> PostMailAsync(HttpClient client, string subject, string? mailbox = null)
    {
        var posted = await client.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Karin Lund", address = "karin.lund@example.se" }, subject, mailbox,
            bodyText = "Hej! Behöver jag bygglov för en carport på Ekvägen 4? Hälsningar Karin",
        });
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode, await posted.Content.ReadAsStringAsync());
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [TestMethod]
    [DataRow(true, DisplayName = "the citizen told")]
    [DataRow(false, DisplayName = "the citizen not told")]
    public async Task A_hand_over_is_logged_by_whom_to_whom_and_whether_the_citizen_was_told(bool notify)
    {
        await using var api = new KontaktlofteFactory();
        var hanna = api.SandboxOfficial(Hanna);
        var id = await PostMailAsync(hanna, "Bygglov för carport");

        var answer = await hanna.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(id)}/handover",
            new { to = new { name = "Elin Sandberg", address = Elin }, note = "Karin Lund vill ha svar snabbt.", notifyCitizen = notify });
        Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode, await answer.Content.ReadAsStringAsync());

        var lines = (await AuditRows.AllAsync(api)).Where(l => l.Action.StartsWith("handover.", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(new[] { "handover.created", "handover.sent" }, lines.Select(l => l.Action).ToArray());
        Assert.IsTrue(lines.All(l => l.Actor == Hanna && Guid.TryParse(l.Target, out _)), "under the hand-over's own id");
        Assert.AreEqual(lines[0].Target, lines[1].Target);
        var key = AuditLog.MessageKey(id);
        StringAssert.StartsWith(lines[0].Details, $"message={key}; to={Elin}; notifyCitizen={(notify ? "yes" : "no")}; answerBy=");
        Assert.AreEqual($"message={key}; to={Elin}; forwarded=yes; citizenTold={(notify ? "yes" : "no")}", lines[1].Details);
        Assert.IsFalse(lines.Any(l => l.Details!.Contains("Karin", StringComparison.OrdinalIgnoreCase) || l.Details.Contains("carport")));
    }

    [TestMethod]
    public async Task The_watchers_automatic_receipt_is_logged_under_its_function_mailbox_queued_then_sent()
    {
        await using var api = new KontaktlofteFactory(now: new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)));
        var hanna = api.SandboxOfficial(Hanna);
        var watcher = api.Services.GetRequiredService<MailboxWatcher>();
        await watcher.RoundAsync(CancellationToken.None);
        var head = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, Elin);
        Assert.AreEqual(HttpStatusCode.OK, (await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}",
            new { watchers = new[] { Hanna }, automaticReceipt = true, receiptNote = (string?)null })).StatusCode);
        await PostMailAsync(hanna, "Bygglov för carport", Bygglov);

        await watcher.RoundAsync(CancellationToken.None);

        var lines = (await AuditRows.AllAsync(api)).Where(l => l.Action.StartsWith("automatic-receipt.", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(new[] { "automatic-receipt.queued", "automatic-receipt.sent" }, lines.Select(l => l.Action).ToArray());
        Assert.IsTrue(lines.All(l => l.Actor == AuditLog.Watcher && l.Target == Bygglov));
        StringAssert.Contains(lines[0].Details, "; due=2026-11-27; language=sv", "Wednesday + two working days");
        Assert.IsFalse(lines.Any(l => l.Details!.Contains("karin", StringComparison.OrdinalIgnoreCase)));
    }
}
