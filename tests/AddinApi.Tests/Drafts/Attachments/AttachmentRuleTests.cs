using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Drafts.Attachments;

[TestClass]
public sealed class AttachmentRuleTests
{
    [TestMethod]
    public void Each_attachment_is_pointed_out_by_name()
    {
        var review = Reviewing.Review(Reviewing.Reply("Här kommer beslutet.", attachments:
            [new("beslut.pdf", 48_211, false), new("ritning.dwg", 1_200_000, false)]));

        var findings = review.Of("attachments.present");
        CollectionAssert.AreEqual(new[] { "beslut.pdf", "ritning.dwg" }, findings.Select(f => f.Excerpt).ToArray());
        Assert.AreEqual("beslut.pdf; ".Length, findings[1].Start);
        Assert.IsTrue(findings.All(f => f.Severity == Severity.Warning && f.Part == DraftPart.Attachments));
    }

    [TestMethod]
    public void Inline_images_such_as_the_logo_are_not_attachments()
    {
        var review = Reviewing.Review(Reviewing.Reply("Tack.", attachments: [new("image001.png", 5_120, true)]));

        Assert.IsEmpty(review.Of("attachments.present"));
    }
}
