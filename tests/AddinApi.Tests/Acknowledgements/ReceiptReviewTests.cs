using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Tests.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

/// <summary>
/// Every receipt the product writes passes its own draft review, subject included: each seeded sandbox mail, in
/// each language, with and without the contact person's phone, sensitive or not.
/// </summary>
[TestClass]
public sealed class ReceiptReviewTests
{
    private const int SeededMail = 17;

    private static KontaktlofteFactory _api = null!;
    private static List<JsonElement> _seeded = null!;

    private static readonly ContactPerson PerHolm = new("Per Holm", "Bygglovsarkitekt", "08-530 612 77", "per.holm@botkyrka.se");
    private static readonly ContactPerson Hanna = new("Hanna Lindqvist", "Handläggare", "08-530 612 34", "handlaggare@sandbox.botkyrka.se");

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _api = new KontaktlofteFactory();
        _seeded = (await _api.SandboxOfficial().GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!;
    }

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static string Subject(JsonElement mail) => mail.GetProperty("subject").GetString()!;

    /// <summary>Findings above info, and a subject that repeats the citizen's: what a receipt must never have.</summary>
    private static IEnumerable<string> Faults(string original, string subject, DraftReview review)
    {
        foreach (var finding in review.Findings.Where(f => f.Severity != Severity.Info))
            yield return $"{original}: {finding.Rule} ({finding.Severity}) \"{finding.Excerpt}\": {finding.Message}";
        if (review.Verdict != Verdict.Ok) yield return $"{original}: verdict {review.Verdict}";
        if (subject.Contains(original, StringComparison.OrdinalIgnoreCase)) yield return $"{original}: the subject repeats \"{original}\"";
    }

    [TestMethod]
    [DataRow("sv", true, false)]
    [DataRow("sv", false, false)]
    [DataRow("sv", true, true)]
    [DataRow("sv", false, true)]
    [DataRow("fi", true, false)]
    [DataRow("fi", false, false)]
    [DataRow("fi", true, true)]
    [DataRow("fi", false, true)]
    [DataRow("en", true, false)]
    [DataRow("en", false, false)]
    [DataRow("en", true, true)]
    [DataRow("en", false, true)]
    public void Every_receipt_to_a_seeded_mail_passes_the_products_own_review(string language, bool withPhone, bool sensitive)
    {
        Assert.HasCount(SeededMail, _seeded);
        using var scope = _api.Services.CreateScope();
        var receipts = scope.ServiceProvider.GetRequiredService<ReceiptText>();
        var reviewer = scope.ServiceProvider.GetRequiredService<DraftReviewer>();
        var contact = withPhone ? PerHolm : PerHolm with { Phone = null };

        var faults = new List<string>();
        // The first receipt and a later new answer date ("nytt besked") alike.
        foreach (var (mail, update) in _seeded.SelectMany(m => new[] { (m, false), (m, true) }))
        {
            var received = Stockholm.DayOf(mail.GetProperty("receivedAt").GetDateTimeOffset());
            var html = receipts.Html(new ReceiptFacts(received, new DateOnly(2026, 12, 8), contact, Hanna, language, null, sensitive, update));
            var subject = ReceiptText.Subject(language, update);
            var to = new MailAddress(mail.GetProperty("from").GetProperty("name").GetString(), mail.GetProperty("from").GetProperty("address").GetString());
            var review = reviewer.Review(new DraftReviewRequest(subject, html, null, [to], null, null, null, true));
            faults.AddRange(Faults(Subject(mail), subject, review));
        }

        Assert.IsEmpty(faults, string.Join('\n', faults));
    }

    [TestMethod]
    [DataRow("sv", true)]
    [DataRow("sv", false)]
    [DataRow("fi", true)]
    [DataRow("fi", false)]
    [DataRow("en", true)]
    [DataRow("en", false)]
    public async Task Every_previewed_receipt_passes_the_review_and_a_sensitive_message_is_told_about_secrecy(string language, bool withPhone)
    {
        var client = _api.SandboxOfficial();
        var contact = new { name = "Per Holm", title = "Bygglovsarkitekt", phone = withPhone ? "08-530 612 77" : null, email = "per.holm@botkyrka.se" };
        var faults = new List<string>();
        var withoutReceipt = new List<string>();
        var acknowledgedBefore = new List<string>();
        foreach (var mail in _seeded)
        {
            var id = mail.GetProperty("id").GetString();
            var response = await client.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview",
                new { contactPerson = contact, promisedDate = "2026-12-08", language });
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                withoutReceipt.Add(Subject(mail));
                continue;
            }
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                acknowledgedBefore.Add(Subject(mail));
                continue;
            }
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, Subject(mail));

            var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
            var subject = preview.GetProperty("subject").GetString()!;
            var html = preview.GetProperty("bodyHtml").GetString()!;
            var review = Reviewing.Review(new DraftReviewRequest(subject, html, null, [new MailAddress(null, preview.GetProperty("to").GetString())],
                null, null, null, true));
            faults.AddRange(Faults(Subject(mail), subject, review));

            var sensitive = (await client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("sensitive").GetBoolean();
            var secrecy = language switch { "fi" => "Salassa pidettäviä tietoja", "en" => "confidential by law", _ => "omfattas av sekretess" };
            if (html.Contains(secrecy, StringComparison.Ordinal) != sensitive)
                faults.Add($"{Subject(mail)}: sensitive {sensitive}, but the secrecy sentence is {(sensitive ? "missing" : "there")}");
        }

        CollectionAssert.AreEquivalent(new[] { "Möte om detaljplanen", "Veckans nyheter om bygg och boende", "Automatiskt svar: Bygglov Tumba 7:123" },
            withoutReceipt, "every seeded citizen mail has a receipt; internal and automatic mail has none");
        CollectionAssert.AreEquivalent(new[] { "Strandskydd för brygga" }, acknowledgedBefore,
            "only the mail the seed acknowledged has its receipt already: a second is refused (its text is reviewed in the test above)");
        Assert.IsEmpty(faults, string.Join('\n', faults));
    }

    [TestMethod]
    public async Task The_receipt_to_ekonomiskt_bistand_goes_out_under_a_neutral_subject_and_says_what_is_secret()
    {
        await using var api = new KontaktlofteFactory();
        var client = api.SandboxOfficial();
        var id = (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!
            .First(m => m.GetProperty("subject").GetString() == "Ekonomiskt bistånd").GetProperty("id").GetString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{id}/acknowledgement")
        {
            Content = JsonContent.Create(new { promisedDate = "2026-12-08" }),
        };
        request.Headers.Add("Idempotency-Key", "bistand-1");

        Assert.AreEqual(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);

        var sent = (await client.SentForAsync(id!)).Single();
        Assert.AreEqual("Vi har tagit emot ditt meddelande", sent.GetProperty("subject").GetString());
        StringAssert.Contains(sent.GetProperty("bodyHtml").GetString(), "Uppgifter som omfattas av sekretess lämnas inte ut.");
        var review = Reviewing.Review(new DraftReviewRequest(sent.GetProperty("subject").GetString(), sent.GetProperty("bodyHtml").GetString(),
            null, [new MailAddress("Karin Ek", sent.GetProperty("to").GetString())], null, null, null, true));
        Assert.AreEqual(Verdict.Ok, review.Verdict, string.Join('\n', review.Findings));
    }

    [TestMethod]
    public async Task A_message_flagged_sensitive_after_it_was_tracked_gets_the_secrecy_sentence_when_sent()
    {
        await using var api = new KontaktlofteFactory();
        var client = api.SandboxOfficial();
        var id = (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!
            .First(m => m.GetProperty("subject").GetString() == "Bygglov för uterum").GetProperty("id").GetString()!;
        await client.GetAsync($"/api/messages/{id}/promise"); // starts tracking
        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Sensitive, true));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{id}/acknowledgement")
        {
            Content = JsonContent.Create(new { promisedDate = "2026-12-08", language = "fi" }),
        };
        request.Headers.Add("Idempotency-Key", "flagged-1");

        Assert.AreEqual(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);

        var sent = (await client.SentForAsync(id)).Single();
        Assert.AreEqual("Olemme saaneet viestisi", sent.GetProperty("subject").GetString());
        StringAssert.Contains(sent.GetProperty("bodyHtml").GetString(), "Salassa pidettäviä tietoja ei kuitenkaan luovuteta.");
    }
}
