using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Tests.Drafts.Recipients;

[TestClass]
public sealed class RecipientRulesTests
{
    private static MailAddress[] Internal(int count) =>
        Enumerable.Range(1, count).Select(i => new MailAddress($"Kollega {i}", $"kollega{i}@botkyrka.se")).ToArray();

    [TestMethod]
    public void One_or_two_on_cc_is_advice()
    {
        var finding = Reviewing.Review(Reviewing.Reply("Tack.", cc: Internal(2))).Of("recipients.cc").Single();

        Assert.AreEqual(Severity.Info, finding.Severity);
        Assert.AreEqual(DraftPart.Recipients, finding.Part);
    }

    [TestMethod]
    public void Three_or_more_on_cc_is_a_warning()
    {
        var review = Reviewing.Review(Reviewing.Reply("Tack.", cc: Internal(3)));

        var finding = review.Of("recipients.cc").Single();
        Assert.AreEqual(Severity.Warning, finding.Severity);
        // Findings index into "anna.berg@example.se; kollega1@botkyrka.se; …": the CC part of it.
        Assert.AreEqual("anna.berg@example.se; ".Length, finding.Start);
        StringAssert.StartsWith(finding.Excerpt, "kollega1@botkyrka.se; kollega2@botkyrka.se");
    }

    [TestMethod]
    public void No_cc_no_cc_finding() => Assert.IsEmpty(Reviewing.ReviewReply("Tack.").Of("recipients.cc"));

    [TestMethod]
    public void More_than_ten_recipients_in_all_is_mass_mail()
    {
        Assert.HasCount(1, Reviewing.Review(Reviewing.Reply("Hej.", to: Internal(5), bcc: Internal(6))).Of("recipients.mass-mail"));
        Assert.IsEmpty(Reviewing.Review(Reviewing.Reply("Hej.", to: Internal(4), bcc: Internal(6))).Of("recipients.mass-mail"));
    }

    [TestMethod]
    public void Two_citizens_private_addresses_in_to_see_each_other()
    {
        var review = Reviewing.Review(Reviewing.Reply("Hej båda.", to:
            [new("Anna", "anna.berg@gmail.com"), new("Omar", "omar.h@hotmail.se")]));

        Assert.AreEqual(Severity.Warning, review.Of("recipients.exposed-addresses").Single().Severity);
    }

    [TestMethod]
    public void Private_addresses_on_bcc_are_not_exposed()
    {
        var review = Reviewing.Review(Reviewing.Reply("Hej.", to: [Reviewing.Colleague], bcc:
            [new("Anna", "anna.berg@gmail.com"), new("Omar", "omar.h@hotmail.se")]));

        Assert.IsEmpty(review.Of("recipients.exposed-addresses"));
    }

    [TestMethod]
    public void One_private_address_and_a_company_are_not_two_private_addresses()
    {
        var review = Reviewing.Review(Reviewing.Reply("Hej.", to:
            [new("Anna", "anna.berg@gmail.com"), new("Bygg AB", "info@byggab.se")]));

        Assert.IsEmpty(review.Of("recipients.exposed-addresses"));
    }

    [TestMethod]
    [DataRow("per.holm@botkyrka.se", true)]
    [DataRow("per.holm@sbf.botkyrka.se", true)]
    [DataRow("PER.HOLM@BOTKYRKA.SE", true)]
    [DataRow("per.holm@botkyrka.se.example.com", false)]
    [DataRow("per.holm@notbotkyrka.se", false)]
    public void Internal_domains_are_the_municipalitys_own_and_their_subdomains(string address, bool isInternal)
    {
        var organisation = new Kontaktlofte.AddinApi.Organisation.OrganisationOptions { InternalDomains = ["botkyrka.se"] };

        Assert.AreEqual(isInternal, organisation.IsInternalAddress(address));
    }
}
