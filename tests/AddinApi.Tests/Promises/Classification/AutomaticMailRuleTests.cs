using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Promises.Classification;

namespace Kontaktlofte.AddinApi.Tests.Promises.Classification;

/// <summary>The edges of each rule for automatic mail: where a citizen's mail that looks alike stays a citizen's.</summary>
[TestClass]
public sealed class AutomaticMailRuleTests
{
    private static readonly MessageClassifier Classifier = Classifying.Create();

    private static bool Automatic(string subject, string body, string from = "anna.berg@example.se", Dictionary<string, string>? headers = null) =>
        Classifier.Classify(new IncomingMessage("Anna Berg", from, subject, body, null, headers ?? [])).Category == MessageCategory.Automatic;

    [TestMethod]
    [DataRow("Frånvaro: Anna Berg", true)]
    [DataRow("Frånvaroanmälan Elsa 3B", false)]
    [DataRow("Frånvaro 12 mars – Omar 5A", false)]
    [DataRow("Poissaolo: Päivähoito", true)]
    [DataRow("Poissaoloilmoitus Aino 2A", false)]
    [DataRow("Undeliverable: Your application", true)]
    [DataRow("Undeliverable address on my tax letter", false)]
    [DataRow("Delivery Status Notification (Failure)", true)]
    [DataRow("Läst: Svar angående bygglov", true)]
    [DataRow("Auto Reply: Bin collection", true)]
    public void A_client_written_subject_needs_its_colon_where_a_citizen_could_start_alike(string subject, bool automatic) =>
        Assert.AreEqual(automatic, Automatic(subject, "Hej!"));

    [TestMethod]
    [DataRow("Automatiskt svar: Fråga om bygglov", "Jag är tillbaka måndag.", true)]
    [DataRow("Fortfarande inget svar", "Automatiskt svar fick jag förra gången, nu vill jag ha ett riktigt svar.", false)]
    [DataRow("Jag fick bara ett automatiskt svar", "När får jag besked?", false)]
    [DataRow("SV: Automatiskt svar: Fråga om bygglov", "Jag har bara fått ett automatiskt svar. När får jag besked?", false)]
    public void An_automatic_reply_subject_counts_only_at_the_start_of_the_subject(string subject, string body, bool automatic) =>
        Assert.AreEqual(automatic, Automatic(subject, body));

    [TestMethod]
    [DataRow("Accepterat: Samråd Hallunda", "", true)]
    [DataRow("Declined: Meeting about the playground", "", true)]
    [DataRow("Inbjudan: Öppet hus på fritidsgården", "Välkomna alla! Kan ni sprida detta till era besökare?", false)]
    [DataRow("Inbjudan: Samråd", "Anslut till Microsoft Teams-mötet\nMötes-ID: 123 456", true)]
    [DataRow("Inställd: buss 711 i dag igen", "Tredje gången den här veckan. Vad gör ni åt det?", false)]
    [DataRow("Inbjudan till årsmöte", "Inbjudan från Google Kalender", false)]
    public void An_invitation_subject_needs_a_calendar_mark_a_response_subject_does_not(string subject, string body, bool automatic) =>
        Assert.AreEqual(automatic, Automatic(subject, body));

    [TestMethod]
    [DataRow("Jag är på semester nästa vecka men vill veta hur det går.", false)]
    [DataRow("Jag är på semester. Vid brådskande ärenden, kontakta växeln.", true)]
    [DataRow("Jag är på semester. Vid brådskande ärenden, kontakta växeln. Har ni fått mina handlingar?", false)]
    [DataRow("Avregistrera min hund, tack.", false)]
    [DataRow("Visa i webbläsaren\nVårens nyheter.\nAvregistrera dig här", true)]
    [DataRow("Ditt meddelande kunde inte levereras, står det. Har ni fått det?", false)]
    [DataRow("Ditt meddelande kunde inte levereras.\nDiagnostisk information för administratörer: 550 5.1.1", true)]
    [DataRow("Please do not reply to this email, call me instead.", false)]
    [DataRow("Please do not reply to this email. This mailbox is not monitored.", true)]
    public void Text_alone_needs_two_machine_phrases_of_one_kind(string body, bool automatic) =>
        Assert.AreEqual(automatic, Automatic("Re: Bygglov", body));

    [TestMethod]
    public void Phrases_of_different_kinds_do_not_add_up() =>
        Assert.IsFalse(Automatic("Hund", "Jag är på semester och vill avregistrera min hund innan dess."));

    [TestMethod]
    [DataRow("Detta är ett automatiskt svar. Jag är borta.", true)]
    [DataRow("Final-Recipient: rfc822; lena@example.se", true)]
    [DataRow("BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR", true)]
    [DataRow("Varför fick jag detta?\n\n-----Ursprungligt meddelande-----\nFrån: Bygglov\nSkickat: den 1 mars 2026\n\nDetta är ett automatiskt svar.\nVisa i webbläsaren\nAvregistrera dig här", false)]
    public void Machine_text_counts_in_the_senders_own_text_not_in_the_quoted_history(string body, bool automatic) =>
        Assert.AreEqual(automatic, Automatic("Ärende", body));

    [TestMethod]
    [DataRow("no-reply@service.example.com", true)]
    [DataRow("No_Reply@example.fi", true)]
    [DataRow("do-not-reply@example.com", true)]
    [DataRow("MAILER-DAEMON@example.com", true)]
    [DataRow("notifications@tool.example.com", true)]
    [DataRow("bounce+123@mail.example.com", true)]
    [DataRow("info@malarbygg.example.se", false)]
    [DataRow("noreen.berg@example.se", false)]
    [DataRow("anna.notify@example.se", false)]
    public void A_sender_that_takes_no_answer_is_known_by_its_local_part_not_info(string from, bool automatic) =>
        Assert.AreEqual(automatic, Automatic("Hej", "Hur ansöker jag om bygglov?", from));

    [TestMethod]
    [DataRow("Content-Type", "multipart/report; report-type=delivery-status", true)]
    [DataRow("Content-Type", "multipart/report; report-type=disposition-notification", true)]
    [DataRow("X-MS-Exchange-Message-Is-Ndr", "", true)]
    [DataRow("X-Failed-Recipients", "karin@example.com", true)]
    [DataRow("Content-Class", "urn:content-classes:calendarmessage", true)]
    [DataRow("Content-Type", "text/calendar; method=REQUEST", true)]
    [DataRow("Content-Type", "multipart/alternative; boundary=x", false)]
    [DataRow("Content-Class", "urn:content-classes:message", false)]
    [DataRow("X-Auto-Response-Suppress", "All", false)]
    public void Report_and_calendar_headers_make_mail_automatic(string header, string value, bool automatic) =>
        Assert.AreEqual(automatic, Automatic("Bygglov", "Hur ansöker jag om bygglov?", headers: new() { [header] = value }));
}
