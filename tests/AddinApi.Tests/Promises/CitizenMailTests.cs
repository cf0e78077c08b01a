using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Promises;

/// <summary>Whose mail it is, since when the municipality has it (FL 22 §), and where the answer goes.</summary>
[TestClass]
public sealed class CitizenMailTests
{
    private static readonly OrganisationOptions Botkyrka = new() { InternalDomains = ["botkyrka.se"], WebFormSenders = ["noreply@botkyrka.se"] };
    private static readonly DateTimeOffset Forwarded = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly MailAddress Anna = new("Anna Berg", "anna.berg@example.se");
    private static readonly MailAddress Form = new("Botkyrka kommun e-tjänster", "noreply@botkyrka.se");
    private static readonly MailAddress Kontaktcenter = new("Kontaktcenter", "kontaktcenter@botkyrka.se");

    private static MailboxMessage Mail(MailAddress from, string subject = "Bygglov", string text = "Behöver jag bygglov?", params MailAddress[] replyTo) =>
        new("id", null, null, from, subject, null, text, Forwarded, new Dictionary<string, string>(), []) { ReplyTo = replyTo };

    private static string ForwardOf(string sent) =>
        $"Till dig.\n\nFrån: Anna Berg <anna.berg@example.se>\nSkickat: {sent}\nTill: Kontaktcenter <kontaktcenter@botkyrka.se>\nÄmne: Bygglov\n\nBehöver jag bygglov?";

    [TestMethod]
    public void A_citizens_own_mail_is_theirs_and_answered_to_them()
    {
        var mail = CitizenMails.Of(Mail(Anna), Botkyrka);

        Assert.AreEqual(Anna, mail.Citizen);
        Assert.AreEqual(Anna, mail.AnswerTo);
        Assert.AreEqual(Forwarded, mail.ReceivedAt);
        Assert.IsNull(mail.SentBy);
        Assert.IsNull(mail.ForwardedBy);
        Assert.IsNull(mail.AnswerOnlyTo, "any reply in the conversation answers it");
    }

    [TestMethod]
    public void A_citizen_who_asks_for_answers_elsewhere_gets_them_there()
    {
        var other = new MailAddress(null, "anna.privat@example.se");

        var mail = CitizenMails.Of(Mail(Anna, replyTo: other), Botkyrka);

        Assert.AreEqual(Anna, mail.Citizen);
        Assert.AreEqual(other, mail.AnswerTo);
        Assert.IsNull(mail.SentBy);
    }

    [TestMethod]
    public void A_web_form_from_our_own_address_with_an_outside_reply_to_is_the_citizens()
    {
        var mail = CitizenMails.Of(Mail(Form, "Kontakta oss", "Namn: Anna Berg", Anna), Botkyrka);

        Assert.AreEqual(Anna, mail.Citizen);
        Assert.AreEqual(Anna, mail.AnswerTo);
        Assert.AreEqual(Form, mail.SentBy);
        Assert.IsNull(mail.ForwardedBy);
        Assert.AreEqual(Anna.Address, mail.AnswerOnlyTo, "a reply to noreply@ answers nobody");
    }

    [TestMethod]
    public void A_web_form_address_without_a_citizen_in_reply_to_stays_internal()
    {
        var mail = CitizenMails.Of(Mail(Form, "Kvitto", "Din ansökan är mottagen.", new MailAddress(null, "bygglov@botkyrka.se")), Botkyrka);

        Assert.AreEqual(Form, mail.Citizen);
        Assert.IsNull(mail.SentBy);
        Assert.AreEqual(Form, CitizenMails.Of(Mail(Form), Botkyrka).Citizen, "and with no Reply-To at all");
    }

    [TestMethod]
    public void Another_internal_sender_with_an_outside_reply_to_stays_internal()
    {
        var newsletter = new MailAddress("Botkyrka nyhetsbrev", "nyhetsbrev@botkyrka.se");

        var mail = CitizenMails.Of(Mail(newsletter, "Nyheter", "Läs mer", new MailAddress(null, "svar@utskick.example.com")), Botkyrka);

        Assert.AreEqual(newsletter, mail.Citizen);
        Assert.IsNull(mail.SentBy);
    }

    [TestMethod]
    public void A_colleague_with_a_colleagues_reply_to_is_internal_mail()
    {
        var mail = CitizenMails.Of(Mail(Kontaktcenter, replyTo: new MailAddress(null, "bygglov@botkyrka.se")), Botkyrka);

        Assert.AreEqual(Kontaktcenter, mail.Citizen);
        Assert.IsNull(mail.SentBy);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    public void A_reply_to_without_an_address_counts_for_nothing(string? address)
    {
        var mail = CitizenMails.Of(Mail(Anna, replyTo: new MailAddress("Ingen", address)), Botkyrka);

        Assert.AreEqual(Anna, mail.AnswerTo);
    }

    [TestMethod]
    public void A_forward_of_a_colleagues_mail_only_stays_the_colleagues()
    {
        var text = "Till dig.\n\nFrån: Per Holm <per.holm@botkyrka.se>\nSkickat: den 25 november 2026 16:05\nÄmne: Möte\n\nSes vi?";

        var mail = CitizenMails.Of(Mail(Kontaktcenter, "VB: Möte", text), Botkyrka);

        Assert.AreEqual(Kontaktcenter, mail.Citizen);
        Assert.IsNull(mail.ForwardedBy);
    }

    [TestMethod]
    public void A_gmail_forward_names_the_citizen_too()
    {
        var text = "---------- Forwarded message ---------\nFrom: Anna Berg <anna.berg@example.se>\nDate: Wed, Nov 25, 2026 at 4:05 PM\nSubject: Bygglov\nTo: <kontaktcenter@botkyrka.se>\n\nBehöver jag bygglov?";

        var mail = CitizenMails.Of(Mail(Kontaktcenter, "Fwd: Bygglov", text), Botkyrka);

        Assert.AreEqual(Anna.Address, mail.Citizen.Address);
        Assert.AreEqual("Behöver jag bygglov?", mail.ForwardedText);
    }

    [TestMethod]
    public void A_forward_is_the_citizens_from_the_day_they_sent_it_and_answered_to_them()
    {
        var mail = CitizenMails.Of(Mail(Kontaktcenter, "VB: Bygglov", ForwardOf("den 25 november 2026 16:05")), Botkyrka);

        Assert.AreEqual(Anna.Address, mail.Citizen.Address);
        Assert.AreEqual(Anna.Address, mail.AnswerTo.Address);
        Assert.AreEqual(Kontaktcenter, mail.ForwardedBy);
        Assert.AreEqual(Anna.Address, mail.AnswerOnlyTo, "a reply to the colleague who forwarded it answers nobody");
        Assert.AreEqual(new DateTimeOffset(2026, 11, 25, 16, 5, 0, TimeSpan.FromHours(1)), mail.ReceivedAt);
        Assert.AreEqual("Behöver jag bygglov?", mail.ForwardedText);
    }

    [TestMethod]
    public void A_forwarded_date_thirty_days_back_is_believed_a_minute_more_not()
    {
        Assert.AreEqual(Forwarded.AddDays(-30),
            CitizenMails.Of(Mail(Kontaktcenter, "VB: Bygglov", ForwardOf("den 28 oktober 2026 09:00")), Botkyrka).ReceivedAt);
        Assert.AreEqual(Forwarded,
            CitizenMails.Of(Mail(Kontaktcenter, "VB: Bygglov", ForwardOf("den 28 oktober 2026 08:59")), Botkyrka).ReceivedAt);
    }

    [TestMethod]
    public void A_forwarded_date_after_the_forward_is_not_believed_the_same_minute_is()
    {
        Assert.AreEqual(Forwarded, CitizenMails.Of(Mail(Kontaktcenter, "VB: Bygglov", ForwardOf("den 27 november 2026 09:01")), Botkyrka).ReceivedAt);
        Assert.AreEqual(Forwarded, CitizenMails.Of(Mail(Kontaktcenter, "VB: Bygglov", ForwardOf("den 27 november 2026 09:00")), Botkyrka).ReceivedAt);
    }

    [TestMethod]
    public void A_colleagues_mail_that_is_no_forward_stays_theirs()
    {
        var mail = CitizenMails.Of(Mail(Kontaktcenter, "Bygglov", "Från: Anna Berg <anna.berg@example.se>\nSkickat: den 25 november 2026 16:05\n\nHej"), Botkyrka);

        Assert.AreEqual(Kontaktcenter, mail.Citizen);
        Assert.IsNull(mail.ForwardedBy);
    }

    [TestMethod]
    [DataRow("FW: Bygglov")]
    [DataRow("Fwd: Bygglov")]
    [DataRow("VL: Bygglov")]
    [DataRow("vb:VB: Bygglov")]
    public void Forward_prefixes_are_known_and_dropped_from_the_original_subject(string subject)
    {
        Assert.IsNotNull(CitizenMails.Of(Mail(Kontaktcenter, subject, ForwardOf("den 25 november 2026 16:05")), Botkyrka).ForwardedBy);
        Assert.AreEqual("Bygglov", CitizenMails.OriginalSubject(subject));
    }
}
