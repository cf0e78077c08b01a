using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Tests.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Mail;

[TestClass]
public sealed class MailTextReaderTests
{
    private const string OwnSentence = "Tack för ditt mejl. Ett uterum på 12 kvadratmeter behöver bygglov.";

    [TestMethod]
    [DataRow("outlook-windows-reply.html", DisplayName = "Outlook on Windows (Word HTML, _MailAutoSig, bordered Från: block)")]
    [DataRow("outlook-web-reply.html", DisplayName = "Outlook on the web and new Outlook (#Signature, #appendonsend, #divRplyFwdMsg)")]
    [DataRow("outlook-mac-reply.html", DisplayName = "Outlook for Mac (reference-message container, signature by greeting)")]
    [DataRow("plain-swedish-reply.txt", DisplayName = "Plain text, -----Ursprungligt meddelande-----")]
    [DataRow("plain-english-reply.txt", DisplayName = "Plain text, On … wrote: and > quoting")]
    [DataRow("plain-den-skrev-reply.txt", DisplayName = "Plain text, Den … skrev: wrapped over two lines")]
    [DataRow("plain-original-message-reply.txt", DisplayName = "Plain text, underscore line and From:/Sent:")]
    public void A_reply_is_split_into_own_text_signature_and_quoted_history(string sample)
    {
        var body = Reviewing.Sample(sample);
        var text = sample.EndsWith(".html", StringComparison.Ordinal) ? MailTextReader.Read(body, null) : MailTextReader.Read(null, body);

        Assert.IsTrue(text.Own.StartsWith("Hej Anna,", StringComparison.Ordinal), text.Own);
        StringAssert.Contains(text.Own, OwnSentence);
        Assert.IsFalse(text.Own.Contains("Hanna Lindqvist", StringComparison.Ordinal), "the signature is not own text");
        Assert.IsFalse(text.Own.Contains("811218", StringComparison.Ordinal), "the history is not own text");

        StringAssert.Contains(text.Signature, "Hanna Lindqvist");
        StringAssert.Contains(text.Signature, "Botkyrka kommun");
        StringAssert.Contains(text.Signature, "08-530 612 34");
        Assert.IsFalse(text.Signature.Contains("Anna Berg", StringComparison.Ordinal), "the history is not signature");

        StringAssert.Contains(text.Quoted, "811218-9876");
        StringAssert.Contains(text.Quoted, "VIKTIGT");
    }

    [TestMethod]
    [DataRow("outlook-windows-reply.html")]
    [DataRow("outlook-web-reply.html")]
    [DataRow("outlook-mac-reply.html")]
    [DataRow("plain-swedish-reply.txt")]
    [DataRow("plain-english-reply.txt")]
    public void Quoted_history_is_scanned_only_for_personal_identity_numbers(string sample)
    {
        var body = Reviewing.Sample(sample);
        var request = new DraftReviewRequest("Svar på din fråga om bygglov",
            sample.EndsWith(".html", StringComparison.Ordinal) ? body : null,
            sample.EndsWith(".txt", StringComparison.Ordinal) ? body : null,
            [Reviewing.Citizen], null, null, null, true);

        var review = Reviewing.Review(request);

        var quoted = review.Findings.Where(f => f.Part == DraftPart.Quoted).ToList();
        Assert.HasCount(1, quoted);
        Assert.AreEqual("confidential.personal-id", quoted[0].Rule);
        Assert.AreEqual(Severity.Warning, quoted[0].Severity);
        Assert.AreEqual("811218-****", quoted[0].Excerpt);
        Assert.IsEmpty(review.Of("tone.shouting"), "the citizen's capitals are theirs, not the official's");
        Assert.IsEmpty(review.Of("signature.missing"));
        Assert.IsEmpty(review.Of("signature.incomplete"));
        Assert.AreEqual(Verdict.Warn, review.Verdict);
    }

    [TestMethod]
    public void Metrics_count_only_the_officials_own_text()
    {
        var review = Reviewing.ReviewHtml(Reviewing.Sample("outlook-windows-reply.html"));

        // "Hej Anna," and four sentences of own text: the signature and the history are not counted.
        Assert.AreEqual(5, review.Metrics.Sentences);
        Assert.AreEqual(30, review.Metrics.Words);
    }

    [TestMethod]
    public void Findings_index_into_the_extracted_text_of_their_part()
    {
        var html = Reviewing.Sample("outlook-web-reply.html").Replace("Ring mig gärna", "Vi har erhållit din fråga. Ring mig gärna", StringComparison.Ordinal);
        var text = MailTextReader.Read(html, null);

        var finding = Reviewing.ReviewHtml(html).Of("plain.officialese").Single();

        Assert.AreEqual(DraftPart.Body, finding.Part);
        Assert.AreEqual("erhållit", text.Own.Substring(finding.Start, finding.Length));
    }

    [TestMethod]
    public void Hidden_elements_styles_and_scripts_are_not_text()
    {
        var text = MailTextReader.Read(
            "<html><head><title>x</title><style>p{color:red}</style></head><body>" +
            "<div style='display: none'>förhandsvisning</div><script>alert(1)</script><p>Synlig text.</p></body></html>", null);

        Assert.AreEqual("Synlig text.", text.Own);
    }

    [TestMethod]
    public void Images_and_links_in_the_signature_are_collected()
    {
        var text = MailTextReader.Read(Reviewing.Sample("outlook-windows-reply.html"), null);

        Assert.HasCount(1, text.SignatureImages);
        Assert.AreEqual("Botkyrka kommuns logotyp", text.SignatureImages[0].Alt);
        CollectionAssert.Contains(text.SignatureLinks.ToList(), "http://www.botkyrka.se");
    }

    [TestMethod]
    public void Very_deep_html_is_read_without_exhausting_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 50_000)) + "Djupt." + string.Concat(Enumerable.Repeat("</div>", 50_000));

        var text = MailTextReader.Read(html, null);

        Assert.AreEqual("Djupt.", text.Own);
    }
}
