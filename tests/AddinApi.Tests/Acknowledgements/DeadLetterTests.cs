using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

/// <summary>A receipt that can never be sent is shown as such, keeps nothing of its text, and may be sent again.</summary>
[TestClass]
public sealed class DeadLetterTests
{
    /// <summary>The sandbox mailbox, except that the mailbox refuses to create a reply while told to (access withdrawn).</summary>
    private sealed class RefusingMailbox(SandboxDb db, TimeProvider clock) : IMailbox
    {
        private readonly SandboxMailbox _inner = new(db, clock);
        public static bool Refuse { get; set; } = true;

        public Task<MailboxOwner> OpenAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancel) => _inner.OpenAsync(user, cancel);
        public Task<MailboxOwner> OpenForLaterAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancel) => _inner.OpenForLaterAsync(user, cancel);
        public Task<MailboxMessage?> GetMessageAsync(MailboxOwner owner, string id, CancellationToken cancel) => _inner.GetMessageAsync(owner, id, cancel);
        public Task<Draft> CreateForwardDraftAsync(MailboxOwner owner, string messageId, MailAddress recipient, string commentHtml, CancellationToken cancel) =>
            _inner.CreateForwardDraftAsync(owner, messageId, recipient, commentHtml, cancel);
        public Task<string> CreateReplyDraftAsync(MailboxOwner owner, string messageId, ReplyDraft reply, CancellationToken cancel) =>
            Refuse ? throw new MailboxRefusedException("Microsoft Graph nekade åtkomst (403).") : _inner.CreateReplyDraftAsync(owner, messageId, reply, cancel);
        public Task<SendOutcome> SendDraftAsync(MailboxOwner owner, string draftId, CancellationToken cancel) => _inner.SendDraftAsync(owner, draftId, cancel);
        public Task MarkAsync(MailboxOwner owner, MailboxMessage message, MessageMark mark, CancellationToken cancel) => _inner.MarkAsync(owner, message, mark, cancel);
        public Task<DateTimeOffset?> AnsweredAtAsync(MailboxOwner owner, MailboxMessage message, IReadOnlyCollection<string> ownReceipts, string? answeredTo, CancellationToken cancel) =>
            _inner.AnsweredAtAsync(owner, message, ownReceipts, answeredTo, cancel);
    }

    [TestMethod]
    public async Task A_refused_receipt_is_a_dead_letter_without_its_text_and_can_be_sent_again()
    {
        RefusingMailbox.Refuse = true;
        using var api = new KontaktlofteFactory(services: s => s.Replace(ServiceDescriptor.Scoped<IMailbox, RefusingMailbox>()));
        var official = api.SandboxOfficial();
        var id = await official.MessageIdAsync("Bygglov för uterum");

        var failed = await official.PostOnceAsync($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-08", personalLine = "Jag återkommer." }, "k1");

        var dead = await failed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("failed", dead.GetProperty("status").GetString());
        // The audit log has what the outbox finally did, saved with it: recorded, then given up.
        var lines = await Tests.Audit.AuditRows.OfAsync(api, dead.GetProperty("acknowledgementId").GetGuid());
        CollectionAssert.AreEqual(new[] { "acknowledgement.queued", "acknowledgement.failed" }, lines.Select(l => l.Action).ToArray());
        Assert.DoesNotContain("Jag återkommer", lines[1].Details!, "never the receipt's text");
        var listed = (await official.GetFromJsonAsync<List<JsonElement>>($"/api/messages/{id}/acknowledgements"))!.Single();
        Assert.AreEqual("failed", listed.GetProperty("status").GetString());
        StringAssert.Contains(listed.GetProperty("error").GetString(), "nekade åtkomst");
        Assert.AreEqual(JsonValueKind.Null, listed.GetProperty("bodyHtml").ValueKind, "a dead letter keeps no text");
        Assert.AreEqual("open", (await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("state").GetString(),
            "nothing reached the citizen: nothing is promised");
        var update = await official.PostOnceAsync($"/api/messages/{id}/acknowledgement/update", new { promisedDate = "2026-12-10" }, "u1");
        Assert.AreEqual(HttpStatusCode.Conflict, update.StatusCode, "no new answer date to a citizen who never had the first");

        RefusingMailbox.Refuse = false;
        var again = await official.PostOnceAsync($"/api/messages/{id}/acknowledgement", new { promisedDate = "2026-12-08" }, "k2");

        Assert.AreEqual(HttpStatusCode.Created, again.StatusCode);
        Assert.AreEqual("sent", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.AreEqual("acknowledged", (await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("state").GetString());
        Assert.HasCount(1, await official.SentForAsync(id));
    }

    [TestMethod]
    public async Task A_promised_date_a_year_ahead_is_allowed_and_a_day_later_is_not()
    {
        RefusingMailbox.Refuse = false;
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var id = await official.MessageIdAsync("Bygglov för uterum");

        // The factory's clock stands on 2026-11-28: 2027-11-26 is a Friday within the year, 2027-11-29 a Monday after it.
        var within = await official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview", new { promisedDate = "2027-11-26" });
        var beyond = await official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview", new { promisedDate = "2027-11-29" });

        Assert.AreEqual(HttpStatusCode.OK, within.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, beyond.StatusCode);
    }
}
