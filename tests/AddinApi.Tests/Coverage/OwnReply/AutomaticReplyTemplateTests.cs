using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Coverage.OwnReply;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;

namespace Kontaktlofte.AddinApi.Tests.Coverage.OwnReply;

/// <summary>The municipality's template: right by the routine's own rules, and safe whatever the directory holds.</summary>
[TestClass]
public sealed class AutomaticReplyTemplateTests
{
    private static readonly OrganisationOptions Botkyrka = new() { InternalDomains = ["botkyrka.se"] };
    private static readonly Person Sofia = new("Sofia Ahmed", "Bygglovshandläggare", "08-530 612 78", "sofia.ahmed@botkyrka.se", "Bygglovsenheten");
    private static readonly DateOnly Monday = new(2026, 12, 7);

    [TestMethod]
    [DataRow(true, DisplayName = "with a colleague")]
    [DataRow(false, DisplayName = "Kontaktcenter alone")]
    public void The_default_template_filled_in_passes_the_routines_rules(bool withCover)
    {
        var text = AutomaticReplyTemplate.Fill(new AutomaticReplyOptions(), Botkyrka, "Hanna Lindqvist", Monday, withCover ? Sofia : null);

        var names = CoverageRules.NamesContact(text, "hanna.lindqvist@botkyrka.se", [], Botkyrka.IsInternalAddress);
        Assert.IsTrue(names);
        var end = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.AreEqual(0, CoverageRules.Problems(new AutomaticReply("hanna.lindqvist@botkyrka.se", true, text, null, end), names).Count);
        StringAssert.Contains(text, "måndag 7 december 2026");
    }

    [TestMethod]
    public void Without_kontaktcenter_in_the_text_a_template_naming_nobody_would_fail_the_rules()
    {
        // The rule the default passes is not vacuous: a template that names nobody is caught.
        var bare = new AutomaticReplyOptions { WithoutCover = "<p>Jag är tillbaka {returnDate}.</p>" };

        var text = AutomaticReplyTemplate.Fill(bare, Botkyrka, "Hanna Lindqvist", Monday, null);

        Assert.IsFalse(CoverageRules.NamesContact(text, "hanna.lindqvist@botkyrka.se", [], Botkyrka.IsInternalAddress));
    }

    [TestMethod]
    public void Every_inserted_value_is_html_encoded_and_filled_in_once()
    {
        var odd = new Person("Eva <b>\"Fet\"</b> & Co", "", "", "eva@botkyrka.se", "");

        var text = AutomaticReplyTemplate.Fill(new AutomaticReplyOptions(), Botkyrka, "{returnDate} <script>", Monday, odd);

        StringAssert.Contains(text, "Eva &lt;b&gt;&quot;Fet&quot;&lt;/b&gt; &amp; Co, eva@botkyrka.se");
        StringAssert.Contains(text, "{returnDate} &lt;script&gt;", "a value is never filled in again");
        Assert.IsFalse(text.Contains("<script>", StringComparison.Ordinal));
        Assert.IsFalse(text.Contains("<b>", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_colleague_without_a_phone_is_named_with_the_address_alone()
    {
        var text = AutomaticReplyTemplate.Fill(new AutomaticReplyOptions(), Botkyrka, "Hanna", Monday, Sofia with { Phone = "" });

        StringAssert.Contains(text, "Kontakta min kollega Sofia Ahmed, sofia.ahmed@botkyrka.se.");
    }
}
