using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;

namespace Kontaktlofte.AddinApi.Tests.Mailbox;

/// <summary>The original below a receipt: what the citizen wrote, with nothing that should not go out again.</summary>
[TestClass]
public sealed class ReplyQuoteTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static MailboxMessage Mail(string html) => new("id", null, null, new MailAddress("Anna Berg", "anna.berg@example.se"),
        "Fråga om <bygglov> & annat", html, null, new DateTimeOffset(2026, 11, 27, 15, 5, 0, TimeSpan.Zero), new Dictionary<string, string>(), []);

    [TestMethod]
    public void The_citizens_text_is_quoted_under_who_when_and_what()
    {
        var quote = ReplyQuote.Html(Mail("<p>Hej!</p><p>Behöver jag bygglov för ett uterum?</p>"), Today);

        StringAssert.Contains(quote, "<b>Från:</b> Anna Berg &lt;anna.berg@example.se&gt;");
        StringAssert.Contains(quote, "<b>Skickat:</b> fredag 27 november 2026 16:05", "Stockholm time");
        StringAssert.Contains(quote, "<b>Ämne:</b> Fråga om &lt;bygglov&gt; &amp; annat");
        StringAssert.Contains(quote, "<p>Hej!<br>Behöver jag bygglov för ett uterum?</p>");
    }

    [TestMethod]
    public void Markup_of_the_original_does_not_travel_back()
    {
        var quote = ReplyQuote.Html(Mail("<p>Se <img src=\"https://tracker.example/x.gif\"> <script>alert(1)</script>bilden</p>"), Today);

        Assert.IsFalse(quote.Contains("<img", StringComparison.Ordinal) || quote.Contains("<script", StringComparison.Ordinal), quote);
    }

    [TestMethod]
    public void A_personal_identity_number_in_the_original_is_masked()
    {
        var quote = ReplyQuote.Html(Mail("<p>Mitt personnummer är 811218-9876.</p>"), Today);

        StringAssert.Contains(quote, "811218-****");
        Assert.IsFalse(quote.Contains("9876", StringComparison.Ordinal));
    }
}
