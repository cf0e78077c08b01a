using System.Net;
using System.Net.Http.Json;
using CsCheck;
using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Drafts;

/// <summary>Arbitrary HTML and Unicode never break the review: it answers, and its findings point inside their part.</summary>
[TestClass]
public sealed class DraftReviewPropertyTests
{
    /// <summary>Fragments of the markup Outlook writes and of what rules look for, shuffled into any order.</summary>
    private static readonly Gen<string> MailHtml = Gen.OneOf(
            Gen.OneOf<string>("<div>", "</div>", "<p class=MsoNormal>", "</p>", "<br>", "<a name=\"_MailAutoSig\">", "</a>",
                "<div id=\"Signature\">", "<div id=\"appendonsend\"></div>", "<div id=\"divRplyFwdMsg\">", "<blockquote>",
                "</blockquote>", "<div style='border-top:solid #E1E1E1 1.0pt'>", "<b>Från:</b> ", "&nbsp;", "<!--", "-->",
                "<style>", "</style>", "<img src=cid:x alt=", "<table><tr><td>", "</td></tr></table>", "<o:p>", "\n",
                "811218-9876", "VIKTIGT", "!!!", "t.ex.", "erhållit", "3/12", "Med vänlig hälsning\n", "-----Original Message-----\n",
                "> ", "Den 1 dec. 2026 skrev Anna <a@b.se>:\n", "Botkyrka kommun", "08-530 610 00", "Skickat från min iPhone"),
            Gen.String[0, 40],
            Gen.Char.Array[0, 20].Select(cs => new string(cs)))
        .Array[0, 80]
        .Select(parts => string.Concat(parts));

    [TestMethod]
    public void Any_html_is_reviewed_with_findings_inside_their_part()
    {
        MailHtml.Sample(html =>
        {
            var request = new DraftReviewRequest(html.Length > 40 ? html[..40] : html, html, null,
                [Reviewing.Citizen], null, null, null, true);
            var review = Reviewing.Review(request);
            var text = Kontaktlofte.AddinApi.Mail.MailTextReader.Read(html, null);
            foreach (var finding in review.Findings)
            {
                var partLength = finding.Part switch
                {
                    DraftPart.Body => text.Own.Length,
                    DraftPart.Signature => text.Signature.Length,
                    DraftPart.Quoted => text.Quoted.Length,
                    DraftPart.Subject => request.Subject!.ReplaceLineEndings(" ").Trim().Length,
                    _ => int.MaxValue,
                };
                Assert.IsTrue(finding.Start >= 0 && finding.Length >= 0 && finding.Start + finding.Length <= partLength,
                    $"{finding.Rule} at {finding.Start}+{finding.Length} outside {finding.Part} of length {partLength}");
            }
            Assert.IsTrue(review.Metrics.Lix >= 0 && !double.IsNaN(review.Metrics.Lix));
        }, iter: 3000);
    }

    [TestMethod]
    public void Any_unicode_plain_text_is_reviewed()
    {
        Gen.String[0, 2000].Sample(text =>
        {
            var review = Reviewing.Review(new DraftReviewRequest(text, null, text, null, null, null, null));
            Assert.AreEqual(review.Findings.Any(f => f.Severity == Severity.Error), review.Verdict == Verdict.Block);
        }, iter: 3000);
    }

    [TestMethod]
    public async Task Any_html_through_http_is_a_200_never_a_500()
    {
        using var api = new KontaktlofteFactory();
        var client = api.Official();
        var samples = MailHtml.Array[25].Single();

        foreach (var html in samples)
        {
            var response = await client.PostAsJsonAsync("/api/drafts/review", new { subject = html, bodyHtml = html });
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        }
    }
}
