using System.Text.Json;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// Realistic citizen mail for the sandbox mailbox, received relative to today so that some are fresh, some due
/// today and some overdue whenever the sandbox starts. The people and addresses are invented.
/// </summary>
internal static class SandboxSeed
{
    private sealed record Seed(int WorkingDaysAgo, int Hour, string FromName, string FromAddress, string Subject, string Body,
        Dictionary<string, string>? Headers = null, string? Mailbox = null);

    private const string Bygglov = "bygglov@sandbox.botkyrka.se";
    private const string Kontaktcenter = "kontaktcenter@sandbox.botkyrka.se";

    private static readonly Seed[] Mail =
    [
        new(0, 8, "Anna Berg", "anna.berg@example.se", "Bygglov för uterum",
            "Hej!\n\nVi funderar på att bygga ett inglasat uterum på 12 kvadratmeter mot trädgården. Behöver vi bygglov, och hur lång tid tar det i så fall?\n\nVänliga hälsningar\nAnna Berg"),
        new(0, 9, "Mikael Johansson", "mikael.johansson@example.com", "Trasig gatlykta på Storvretsvägen",
            "Hej,\n\nGatlyktan utanför Storvretsvägen 14 har varit släckt i över en vecka. Det är väldigt mörkt på kvällarna när barnen går hem.\n\nMikael"),
        new(1, 10, "Leila Haddad", "leila.haddad@example.org", "Fråga om plats i förskola",
            "Hej! Jag undrar hur jag ansöker om förskoleplats för min dotter som fyller ett år i mars. Hur lång är kön i Tumba?\n\nTack på förhand,\nLeila"),
        new(1, 14, "Pirjo Virtanen", "pirjo.virtanen@example.fi", "Kysymys kotihoidosta",
            "Hei!\n\nÄitini asuu Tumbassa ja tarvitsee apua kotiin. Miten voimme hakea kotihoitoa? Voisitteko vastata suomeksi?\n\nKiitos ja terveisin\nPirjo Virtanen"),
        new(2, 8, "Erik Lund", "erik.lund@example.se", "Synpunkt på snöröjningen",
            "Hej.\n\nJag är ganska missnöjd med snöröjningen på cykelbanan längs Hågelbyleden. Den plogades först efter två dagar förra veckan.\n\nErik Lund"),
        new(2, 11, "Sara Nilsson", "sara.nilsson@example.se", "Begäran om allmän handling",
            "Hej,\n\nJag vill ta del av bygglovsbeslutet och ritningarna för fastigheten Tumba 7:123. Kan ni skicka dem som pdf?\n\nMvh Sara Nilsson"),
        new(2, 15, "Kontaktcenter", "kontaktcenter@botkyrka.se", "Ring upp: fråga om parkeringstillstånd",
            "Hej!\n\nJohan Ek ringde och vill att du ringer upp honom om hans ansökan om parkeringstillstånd. Han nås på 070-555 12 34 mellan 9 och 15.\n\nKontaktcenter, Botkyrka kommun"),
        new(3, 9, "David Okafor", "david.okafor@example.com", "Question about recycling",
            "Hello,\n\nI moved to Alby last month. Could you please tell me where I can leave bulky waste like an old sofa?\n\nThanks,\nDavid"),
        new(3, 13, "Maria Svensson", "maria.svensson@example.se", "Klagomål på bemötande",
            "Hej.\n\nJag blev väldigt dåligt bemött när jag ringde om mitt ärende i tisdags. Ingen återkom som utlovat. Jag vill att någon hör av sig.\n\nMaria Svensson"),
        new(4, 10, "Omar Hassan", "omar.hassan@example.se", "Vattenläcka vid lekplatsen",
            "Hej!\n\nDet läcker vatten från en brunn vid lekplatsen i Fittja centrum. Det har bildats en stor pöl som fryser på natten.\n\nOmar"),
        new(5, 9, "Karin Ek", "karin.ek@example.se", "Ekonomiskt bistånd",
            "Hej,\n\nJag har fått avslag på ekonomiskt bistånd och förstår inte varför. Mitt personnummer är 811218-9876. Kan någon ringa mig?\n\nKarin Ek"),
        new(1, 7, "Per Holm", "per.holm@botkyrka.se", "Möte om detaljplanen",
            "Hej Hanna,\n\nKan vi ses på torsdag kl. 10 och gå igenom samrådssynpunkterna?\n\n/Per"),
        new(0, 6, "Nyhetsbrevet Bygg & Bo", "nyheter@byggobo.example.com", "Veckans nyheter om bygg och boende",
            "Läs veckans nyheter om bygg och boende. Avregistrera dig här.",
            new() { ["List-Unsubscribe"] = "<mailto:avregistrera@byggobo.example.com>", ["Precedence"] = "bulk" }),
        // A web form (e-tjänst) sends from the municipality's no-reply address, the citizen in Reply-To: the citizen's mail.
        new(1, 9, "Botkyrka kommun e-tjänster", "noreply@botkyrka.se", "Kontakta oss: fråga om carport",
            "Meddelande från e-tjänsten Kontakta oss\n\nNamn: Mehmet Yilmaz\nE-post: mehmet.yilmaz@example.se\n\nHej! Behöver jag bygglov för en carport på 20 kvadratmeter bredvid huset?\n\nMehmet Yilmaz",
            new() { ["Reply-To"] = "Mehmet Yilmaz <mehmet.yilmaz@example.se>", ["Auto-Submitted"] = "auto-generated" }),
        new(1, 12, "Lena Ström", "lena.strom@example.se", "Automatiskt svar: Bygglov Tumba 7:123",
            "Jag är på semester till och med 2026-12-07. Vid brådskande ärenden, ring 08-123 456 78.",
            new() { ["Auto-Submitted"] = "auto-replied" }),

        // The function mailboxes: mail that nobody has to open to be tracked (the watcher follows them).
        new(0, 8, "Jonas Berglund", "jonas.berglund@example.se", "Marklov för att fälla träd",
            "Hej!\n\nBehöver jag marklov för att fälla två stora tallar på min tomt i Tullinge?\n\nJonas Berglund", Mailbox: Bygglov),
        new(2, 9, "Fatima Said", "fatima.said@example.se", "Var står mitt ärende?",
            "Hej,\n\nJag sökte bygglov för en altan i september. Hur långt har ni kommit?\n\nFatima Said", Mailbox: Bygglov),
        new(4, 13, "Lars Öberg", "lars.oberg@example.se", "Synpunkt på nybygget vid Tumba torg",
            "Hej.\n\nHuset som byggs vid torget är mycket högre än i planen. Jag vill lämna en synpunkt.\n\nLars Öberg", Mailbox: Bygglov),
        new(0, 10, "Nyhetsbrevet Bygg & Bo", "nyheter@byggobo.example.com", "Nyheter om bygglov",
            "Läs veckans nyheter. Avregistrera dig här.",
            new() { ["List-Unsubscribe"] = "<mailto:avregistrera@byggobo.example.com>", ["Precedence"] = "bulk" }, Mailbox: Bygglov),
        new(1, 11, "Ahmed Ali", "ahmed.ali@example.se", "Fråga om sophämtning",
            "Hej! Soptunnan har inte tömts på två veckor på Björkvägen 5 i Alby. Vem ska jag kontakta?\n\nAhmed", Mailbox: Kontaktcenter),
    ];

    /// <summary>The sandbox users and their colleagues, as the directory would know them.</summary>
    public static async Task SeedOfficialsAsync(KontaktlofteDb db)
    {
        foreach (var user in SandboxUsers.All.Concat(SandboxUsers.Colleagues))
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Name == user.Unit)
                ?? db.Units.Add(new Unit { Name = user.Unit }).Entity;
            if (!await db.Officials.AnyAsync(o => o.Email == user.Email))
                db.Officials.Add(new Official { Email = user.Email, Name = user.Name, Title = user.Title, Phone = user.Phone, Unit = unit });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The function mailboxes and their watchers, as a unit head would have set them.</summary>
    public static async Task SeedFunctionMailboxesAsync(KontaktlofteDb db)
    {
        foreach (var (address, _, watchers) in SandboxUsers.FunctionMailboxes)
            if (!await db.Set<WatchedMailbox>().AnyAsync(m => m.Address == address))
                db.Set<WatchedMailbox>().Add(new WatchedMailbox { Address = address, Watchers = [.. watchers] });
        await db.SaveChangesAsync();
    }

    public static async Task SeedAsync(SandboxDb db, WorkingDayCalendar calendar, TimeProvider clock)
    {
        if (await db.SandboxMail.AnyAsync()) return;
        var today = clock.Today();
        long version = 0;
        foreach (var (seed, index) in Mail.Select((s, i) => (s, i)))
        {
            var day = WorkingDaysBefore(calendar, today, seed.WorkingDaysAgo);
            var local = day.ToDateTime(new TimeOnly(seed.Hour, 7 * index % 60));
            var receivedAt = new DateTimeOffset(local, Stockholm.Zone.GetUtcOffset(local));
            if (receivedAt > clock.GetUtcNow()) receivedAt = clock.GetUtcNow().AddMinutes(-10 - index);
            var mail = NewMail(seed.FromName, seed.FromAddress, seed.Subject, seed.Body, null, receivedAt, seed.Headers ?? []);
            mail.Mailbox = seed.Mailbox ?? SandboxUsers.All[0].Email;
            mail.Version = ++version;
            db.SandboxMail.Add(mail);
        }
        await db.SaveChangesAsync();
    }

    public static SandboxMail NewMail(string fromName, string fromAddress, string subject, string? bodyText, string? bodyHtml,
        DateTimeOffset receivedAt, Dictionary<string, string> headers)
    {
        var id = "sandbox-" + Guid.NewGuid().ToString("N")[..12];
        return new SandboxMail
        {
            Id = id,
            FromName = fromName,
            FromAddress = fromAddress,
            Subject = subject,
            BodyText = bodyText,
            BodyHtml = bodyHtml,
            ReceivedAt = receivedAt,
            HeadersJson = JsonSerializer.Serialize(headers),
            ConversationId = "conv-" + id,
            InternetMessageId = $"<{id}@sandbox.botkyrka.se>",
        };
    }

    private static DateOnly WorkingDaysBefore(WorkingDayCalendar calendar, DateOnly today, int count)
    {
        var day = today;
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            day = day.AddDays(-1);
            while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        }
        return day;
    }
}
