using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Drafts.Signature;

[TestClass]
public sealed class SignatureRulesTests
{
    private static DraftReview ReviewText(string body) =>
        Reviewing.Review(new DraftReviewRequest("Svar på din fråga", null, body, [Reviewing.Citizen], null, null, null, true));

    [TestMethod]
    public void The_common_signature_filled_in_gives_no_signature_finding()
    {
        var review = Reviewing.ReviewReply("Tack för ditt mejl.");

        Assert.IsEmpty(review.Findings.Where(f => f.Rule.StartsWith("signature.", StringComparison.Ordinal)).ToList());
    }

    [TestMethod]
    public void A_reply_without_signature_is_pointed_out()
    {
        var review = ReviewText("Hej!\n\nDu behöver inte bygglov för ett förråd på 10 kvadratmeter.");

        var finding = review.Of("signature.missing").Single();
        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.Contains(finding.Suggestion, "Förnamn Efternamn");
    }

    [TestMethod]
    public void A_signature_with_only_a_first_name_lacks_name_phone_email_and_municipality()
    {
        var finding = ReviewText("Tack för ditt mejl.\n\nVänliga hälsningar\nHanna").Of("signature.incomplete").Single();

        Assert.AreEqual(DraftPart.Signature, finding.Part);
        Assert.AreEqual("Signaturen saknar namn, telefonnummer, e-postadress och \"Botkyrka kommun\".", finding.Message);
    }

    [TestMethod]
    public void A_signature_without_phone_says_only_that()
    {
        var finding = ReviewText("Tack.\n\nMed vänlig hälsning\nHanna Lindqvist\nBotkyrka kommun\nhanna.lindqvist@botkyrka.se")
            .Of("signature.incomplete").Single();

        Assert.AreEqual("Signaturen saknar telefonnummer.", finding.Message);
    }

    [TestMethod]
    public void A_double_name_with_a_hyphen_is_a_name()
    {
        var review = ReviewText("Tack.\n\nMed vänlig hälsning\nAnna-Karin Berg\nBotkyrka kommun\n08-530 612 34\nanna-karin.berg@botkyrka.se");

        Assert.IsEmpty(review.Of("signature.incomplete"));
    }

    [TestMethod]
    [DataRow("Skickat från min iPhone", DisplayName = "device line, Swedish")]
    [DataRow("Sent from my iPhone", DisplayName = "device line, English")]
    [DataRow("Skickat från Outlook för Android", DisplayName = "Outlook mobile")]
    [DataRow("\"Det är aldrig för sent att ge upp\" – okänd", DisplayName = "a quote")]
    [DataRow("Tillsammans gör vi Botkyrka bättre!", DisplayName = "a slogan")]
    [DataRow("Tänk på miljön innan du skriver ut det här mejlet", DisplayName = "environment plea")]
    [DataRow("Följ oss på Facebook och Instagram", DisplayName = "social media")]
    public void Own_additions_to_the_signature_are_pointed_out(string addition)
    {
        var review = Reviewing.Review(Reviewing.Reply("Tack för ditt mejl.") with
        {
            BodyText = "Tack för ditt mejl.\n\n" + Reviewing.Signature + "\n" + addition,
        });

        var finding = review.Of("signature.additions").Single();
        Assert.AreEqual(DraftPart.Signature, finding.Part);
        Assert.AreEqual(Severity.Warning, finding.Severity);
    }

    [TestMethod]
    public void A_device_line_without_any_signature_is_pointed_out_too()
    {
        var review = ReviewText("Ok, det går bra.\n\nSkickat från min iPhone");

        Assert.HasCount(1, review.Of("signature.missing"));
        Assert.AreEqual("Skickat från min iPhone", review.Of("signature.additions").Single().Excerpt);
    }

    [TestMethod]
    public void The_logo_is_the_one_image_the_signature_may_have()
    {
        var review = Reviewing.ReviewHtml(Reviewing.Sample("outlook-web-reply.html"));

        Assert.IsEmpty(review.Of("signature.additions"));
    }

    [TestMethod]
    public void Another_image_or_a_social_link_in_the_signature_is_an_addition()
    {
        var html = Reviewing.Sample("outlook-web-reply.html").Replace(
            "<div id=\"appendonsend\"></div>",
            "<div><img src=\"cid:image002.png@01DB\" alt=\"Semesterbild\"> <a href=\"https://www.linkedin.com/in/hanna\"><img src=\"cid:image003.png@01DB\" alt=\"\"></a></div></div><div id=\"appendonsend\"></div>",
            StringComparison.Ordinal).Replace("<div id=\"Signature\">", "<div id=\"Signature\"><div>", StringComparison.Ordinal);

        var additions = Reviewing.ReviewHtml(html).Of("signature.additions");

        Assert.IsTrue(additions.Any(f => f.Message.Contains("Semesterbild", StringComparison.Ordinal)), string.Join('\n', additions));
        Assert.IsTrue(additions.Any(f => f.Message.Contains("linkedin.com", StringComparison.Ordinal)), string.Join('\n', additions));
    }
}
