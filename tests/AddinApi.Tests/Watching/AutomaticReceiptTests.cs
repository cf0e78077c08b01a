using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// The automatic receipt of a function mailbox (issue: off by default, set by the unit head; a new citizen question gets
/// one with the due date and Kontaktcenter, in the citizen's language; never to automatic senders, lists or no-reply; once
/// per sender and mailbox in 24 hours; Auto-Submitted: auto-replied; a sensitive mail only the bare confirmation).
/// </summary>
[TestClass]
public sealed class AutomaticReceiptTests
{
    /// <summary>Wednesday 2026-11-25, 10:00: a working day.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";

    private static async Task<(KontaktlofteFactory Api, HttpClient Hanna)> StartAsync(bool on = true, string? note = "Vi har telefontid tisdagar 9–11.")
    {
        var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        // The seeded mail is there before the receipt is turned on, and must never be answered.
        await RoundAsync(api);
        var head = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        var set = await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}",
            new { watchers = new[] { "handlaggare@sandbox.botkyrka.se" }, automaticReceipt = on, receiptNote = note });
        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        return (api, hanna);
    }

    private static Task RoundAsync(KontaktlofteFactory api) => api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

    private static async Task<string> PostAsync(HttpClient client, string from, string subject, string text, object? headers = null, string name = "Karin Lund")
    {
        var posted = await client.PostAsJsonAsync("/api/sandbox/messages",
            new { from = new { name, address = from }, subject, bodyText = text, mailbox = Bygglov, headers });
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode, await posted.Content.ReadAsStringAsync());
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> ReceiptsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!.Where(s => s.GetProperty("mailbox").GetString() == Bygglov).ToList();

    [TestMethod]
    public async Task A_new_question_gets_one_receipt_with_its_due_date_marked_auto_replied_and_the_promise_stays_open()
    {
        var (api, hanna) = await StartAsync();
        await using var _ = api;
        Assert.IsEmpty(await ReceiptsAsync(hanna), "mail that came before it was turned on gets none");
        var id = await PostAsync(hanna, "karin.lund@example.se", "Bygglov för carport", "Hej! Behöver jag bygglov för en carport? Karin");

        await RoundAsync(api);
        await RoundAsync(api); // a second round finds nothing new: no second receipt

        var receipt = (await ReceiptsAsync(hanna)).Single();
        Assert.AreEqual(id, receipt.GetProperty("inReplyTo").GetString());
        Assert.AreEqual("karin.lund@example.se", receipt.GetProperty("to").GetString());
        Assert.AreEqual("auto-replied", receipt.GetProperty("headers").GetProperty("Auto-Submitted").GetString());
        Assert.AreEqual("Automatisk bekräftelse: vi har tagit emot ditt meddelande", receipt.GetProperty("subject").GetString());
        var html = receipt.GetProperty("bodyHtml").GetString()!;
        StringAssert.Contains(html, "Du får svar senast 27 november 2026", "Wednesday + two working days");
        StringAssert.Contains(html, "08-530 610 00");
        StringAssert.Contains(html, "Vi har telefontid tisdagar 9–11.");
        Assert.DoesNotContain("carport", html, "nothing of what the citizen wrote");

        // The receipt is the product's own mail, not the answer: the promise is still open in the worklist.
        var item = (await hanna.GetFromJsonAsync<JsonElement>("/api/worklist")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("messageId").GetString() == id);
        Assert.AreEqual("open", item.GetProperty("state").GetString());
        await using var scope = api.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().AutomaticReceipts.SingleAsync();
        Assert.IsNull(stored.ToAddress, "the address is kept only until sent");
    }

    [TestMethod]
    public async Task Automatic_mail_lists_and_no_reply_senders_get_none_and_a_sender_gets_one_a_day()
    {
        var (api, hanna) = await StartAsync();
        await using var _ = api;
        await PostAsync(hanna, "nyhetsbrev@byggfakta.se", "Veckans nyheter", "Läs veckans nyheter om byggbranschen.",
            new Dictionary<string, string> { ["List-Unsubscribe"] = "<mailto:unsubscribe@byggfakta.se>" }, "Byggfakta");
        await PostAsync(hanna, "noreply@example.se", "Din beställning", "Hej! Tack för din beställning av ritningar. Fråga oss gärna.", name: "Webbshop");
        await PostAsync(hanna, "olle@example.se", "Frånvaro: Bygglov", "Jag är på semester till 1 december.",
            new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" }, "Olle");
        await PostAsync(hanna, "karin.lund@example.se", "Bygglov för carport", "Hej! Behöver jag bygglov för en carport? Karin");
        await RoundAsync(api);
        await PostAsync(hanna, "karin.lund@example.se", "Bygglov för carport igen", "Hej igen! Glömde fråga: gäller det även ett förråd? Karin");
        await RoundAsync(api);

        var receipts = await ReceiptsAsync(hanna);
        Assert.AreEqual("karin.lund@example.se", receipts.Single().GetProperty("to").GetString(), "one for Karin in 24 hours, none to the others");
    }

    [TestMethod]
    public async Task A_restart_and_a_full_resync_send_no_second_receipt()
    {
        var database = KontaktlofteFactory.NewDatabasePath();
        string id;
        await using (var api = new KontaktlofteFactory(now: Wednesday, database: database))
        {
            var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
            var head = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
            head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
            await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}", new { watchers = new[] { "handlaggare@sandbox.botkyrka.se" }, automaticReceipt = true });
            id = await PostAsync(hanna, "karin.lund@example.se", "Bygglov för carport", "Hej! Behöver jag bygglov för en carport? Karin");
            await RoundAsync(api);
        }
        await using (var again = new KontaktlofteFactory(now: Wednesday.AddMinutes(5), database: database))
        {
            // The links are lost as well: the next round reads every mailbox from the start.
            await using (var scope = again.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<FeedState>().ExecuteDeleteAsync();
            await RoundAsync(again);
            var hanna = again.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
            Assert.AreEqual(id, (await ReceiptsAsync(hanna)).Single().GetProperty("inReplyTo").GetString());
        }
        File.Delete(database);
    }

    [TestMethod]
    public async Task Off_by_default_no_receipt_at_all()
    {
        var (api, hanna) = await StartAsync(on: false);
        await using var _ = api;
        await PostAsync(hanna, "karin.lund@example.se", "Bygglov för carport", "Hej! Behöver jag bygglov för en carport? Karin");
        await RoundAsync(api);
        Assert.IsEmpty(await ReceiptsAsync(hanna));
    }

    [TestMethod]
    public async Task A_sensitive_mail_gets_only_the_bare_confirmation_and_an_English_one_is_answered_in_English()
    {
        var (api, hanna) = await StartAsync();
        await using var _ = api;
        var sensitive = await PostAsync(hanna, "anna@example.se", "Bygglov", "Hej! Jag har skyddad identitet och vill veta hur jag söker bygglov. Anna", name: "Anna");
        var english = await PostAsync(hanna, "john.smith@example.com", "Building permit",
            "Hello! Do I need a building permit for a small shed in my garden? Kind regards, John Smith", name: "John Smith");
        await RoundAsync(api);

        var receipts = await ReceiptsAsync(hanna);
        var bare = receipts.Single(r => r.GetProperty("inReplyTo").GetString() == sensitive).GetProperty("bodyHtml").GetString()!;
        StringAssert.Contains(bare, "Vi har tagit emot ditt meddelande 25 november 2026");
        Assert.DoesNotContain("svar senast", bare);
        Assert.DoesNotContain("telefontid", bare, "not even the mailbox's own line");
        var en = receipts.Single(r => r.GetProperty("inReplyTo").GetString() == english);
        Assert.AreEqual("Automatic confirmation: we have received your message", en.GetProperty("subject").GetString());
        StringAssert.Contains(en.GetProperty("bodyHtml").GetString(), "You will have an answer by 27 November 2026");
    }

    [TestMethod]
    [DataRow("karin@example.se", null, null, true)]
    [DataRow("noreply@example.se", null, null, false)]
    [DataRow("no-reply+bygg@example.se", null, null, false)]
    [DataRow("NoReply@example.se", null, null, false)]
    [DataRow("noreplying.anna@example.se", null, null, true)]
    [DataRow("mailer-daemon@example.se", null, null, false)]
    [DataRow("no_reply@example.se", null, null, false)]
    [DataRow("donotreply@example.se", null, null, false)]
    [DataRow("do-not-reply@example.se", null, null, false)]
    [DataRow("do_not_reply@example.se", null, null, false)]
    [DataRow("postmaster@example.se", null, null, false)]
    [DataRow("bounce.12345@example.se", null, null, false)]
    [DataRow("bounces@example.se", null, null, false)]
    [DataRow("bouncer@example.se", null, null, true)]
    [DataRow("karin@example.se", "X-Auto-Response-Suppress", "All", false)]
    [DataRow("karin@example.se", "X-Auto-Response-Suppress", "AutoReply", false)]
    [DataRow("karin@example.se", "Auto-Submitted", "auto-replied", false)]
    [DataRow("karin@example.se", "Auto-Submitted", "auto-generated", false)]
    [DataRow("karin@example.se", "auto-submitted", " No ", true)]
    [DataRow("karin@example.se", "Precedence", "bulk", false)]
    [DataRow("karin@example.se", "Precedence", "list", false)]
    [DataRow("karin@example.se", "Precedence", "junk", false)]
    [DataRow("karin@example.se", "Precedence", "first-class", true)]
    [DataRow("karin@example.se", "List-Id", "<bygg.lists.example.se>", false)]
    [DataRow("karin@example.se", "List-Unsubscribe", "<mailto:u@example.se>", false)]
    [DataRow("karin@example.se", "X-Auto-Response-Suppress", "DR, OOF", false)]
    [DataRow("karin@example.se", "X-Auto-Response-Suppress", "DR, RN", true)]
    [DataRow("", null, null, false)]
    [DataRow("@example.se", null, null, false)]
    [DataRow("utan-snabel-a", null, null, false)]
    public void Whom_an_automat_may_answer_RFC_3834(string address, string? header, string? value, bool may)
    {
        var headers = header is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [header] = value! };
        Assert.AreEqual(may, AutomaticReceiptRules.MayAnswer(address, headers));
    }

    [TestMethod]
    public void The_sender_is_kept_as_a_hash_the_same_whatever_the_case()
    {
        var key = AutomaticReceiptRules.SenderKey("Bygglov@botkyrka.se", " Karin@Example.se ");
        Assert.AreEqual(AutomaticReceiptRules.SenderKey("bygglov@botkyrka.se", "karin@example.se"), key);
        Assert.AreNotEqual(AutomaticReceiptRules.SenderKey("info@botkyrka.se", "karin@example.se"), key, "per mailbox");
        Assert.DoesNotContain("karin", key, StringComparison.OrdinalIgnoreCase);
        Assert.AreEqual(64, key.Length);
        Assert.AreNotEqual(AutomaticReceiptRules.SenderKey("a@b.se", "c@d.se"), AutomaticReceiptRules.SenderKey("a@b.sec", "@d.se"),
            "mailbox and sender are kept apart: no two pairs share a key by running together");
    }
}
