using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Tests.Mail;

[TestClass]
public sealed class ForwardedHeaderTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [TestMethod]
    public void Outlook_in_Swedish_gives_the_citizen_and_the_day_it_was_sent()
    {
        const string text = "Hej, se nedan.\n\nFrån: Anna Berg <anna.berg@example.se>\nSkickat: den 25 november 2026 16:05\nTill: Kontaktcenter <kontaktcenter@botkyrka.se>\nÄmne: Bygglov\n\nBehöver jag bygglov?";

        var header = ForwardedHeaders.Find(text)!;

        Assert.AreEqual("Anna Berg", header.From.Name);
        Assert.AreEqual("anna.berg@example.se", header.From.Address);
        Assert.AreEqual(new DateTimeOffset(2026, 11, 25, 16, 5, 0, Winter), header.SentAt);
        Assert.AreEqual("Behöver jag bygglov?", text[header.BodyStart..].Trim());
    }

    [TestMethod]
    [DataRow("Friday, November 27, 2026 4:05 PM", 2026, 11, 27, 16, 5)]
    [DataRow("Friday, November 27, 2026 12:30 AM", 2026, 11, 27, 0, 30)]
    [DataRow("fredag 27 november 2026 16:05", 2026, 11, 27, 16, 5)]
    [DataRow("fre 27 nov. 2026 kl. 16:05", 2026, 11, 27, 16, 5)]
    [DataRow("perjantai 27. marraskuuta 2026 16.05", 2026, 11, 27, 16, 5)]
    [DataRow("2026-11-27 16:05", 2026, 11, 27, 16, 5)]
    [DataRow("den 1 juli 2026 09:00", 2026, 7, 1, 9, 0)]
    [DataRow("27.11.2026 16.05", 2026, 11, 27, 16, 5)]
    [DataRow("27/11/2026 16:05", 2026, 11, 27, 16, 5)]
    [DataRow("11/27/2026 4:05 PM", 2026, 11, 27, 16, 5)]
    [DataRow("5/11/2026 4:05 PM", 2026, 5, 11, 16, 5)]
    [DataRow("5/11/2026 16:05", 2026, 11, 5, 16, 5)]
    public void Dates_as_mail_programs_write_them_are_Swedish_time(string written, int y, int m, int d, int h, int min)
    {
        var local = new DateTime(y, m, d, h, min, 0);
        var expected = new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm").GetUtcOffset(local));

        Assert.AreEqual(expected, ForwardedHeaders.ParseDate(written));
    }

    [TestMethod]
    [DataRow("Fri, 27 Nov 2026 23:30:00 +0000")]
    [DataRow("Fri, 27 Nov 2026 23:30:00 GMT")]
    [DataRow("2026-11-27T23:30:00Z")]
    [DataRow("2026-11-28T00:30:00+01:00")]
    public void A_date_with_its_own_zone_keeps_it(string written)
    {
        // 23:30 UTC is 00:30 the next day in Sweden: the receipt day is the 28th (FL 22 §), which only the zone tells.
        Assert.AreEqual(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero), ForwardedHeaders.ParseDate(written));
    }

    [TestMethod]
    public void A_sender_line_without_an_address_ends_the_search_so_an_older_message_is_never_taken()
    {
        const string text = "Från: Anna Berg\nSkickat: den 27 november 2026 16:05\nÄmne: Staket\n\nHej!\n\n" +
                            "Från: Grannen Svensson <granne@example.se>\nSkickat: den 3 mars 2025 10:00\nÄmne: Staket\n\nDitt staket är för högt.";

        Assert.IsEmpty(ForwardedHeaders.FindAll(text).ToList());
    }

    [TestMethod]
    public void Bold_labels_as_new_Outlook_writes_them_give_a_clean_name()
    {
        var header = ForwardedHeaders.Find("**Från:** Anna Berg <anna.berg@example.se>\n**Skickat:** den 27 november 2026 16:05\n\nHej")!;

        Assert.AreEqual("Anna Berg", header.From.Name);
        Assert.IsNotNull(header.SentAt);
    }

    [TestMethod]
    [DataRow("den 31 november 2026 10:00")]
    [DataRow("någon gång i höstas")]
    [DataRow("2026-13-01")]
    [DataRow("den 27 november 2026 25:00")]
    public void A_date_that_is_no_date_is_none(string written) => Assert.IsNull(ForwardedHeaders.ParseDate(written));

    [TestMethod]
    public void English_and_Finnish_labels_and_a_bracketed_address_are_read()
    {
        var english = ForwardedHeaders.Find("-----Original Message-----\nFrom: David Okafor [mailto:david.okafor@example.com]\nSent: Friday, November 27, 2026 4:05 PM\nSubject: Recycling\n\nHello")!;
        var finnish = ForwardedHeaders.Find("Lähettäjä: pirjo.virtanen@example.fi\nLähetetty: perjantai 27. marraskuuta 2026 16.05\nAihe: Kysymys\n\nHei!")!;

        Assert.AreEqual("david.okafor@example.com", english.From.Address);
        Assert.AreEqual("David Okafor", english.From.Name);
        Assert.AreEqual(27, english.SentAt!.Value.Day);
        Assert.AreEqual("pirjo.virtanen@example.fi", finnish.From.Address);
        Assert.IsNull(finnish.From.Name);
        Assert.IsNotNull(finnish.SentAt);
    }

    [TestMethod]
    public void A_text_without_a_header_block_has_none()
    {
        Assert.IsNull(ForwardedHeaders.Find("Hej!\n\nFrån och med måndag är vi stängda.\n\nHälsningar"));
        Assert.IsNull(ForwardedHeaders.Find("Från: Kontaktcenter\nSkickat: i går"), "a sender without an address is no header");
    }

    [TestMethod]
    public void A_header_without_a_date_gives_the_sender_only()
    {
        var header = ForwardedHeaders.Find("Från: Anna Berg <anna.berg@example.se>\nÄmne: Bygglov\n\nHej")!;

        Assert.AreEqual("anna.berg@example.se", header.From.Address);
        Assert.IsNull(header.SentAt);
    }
}
