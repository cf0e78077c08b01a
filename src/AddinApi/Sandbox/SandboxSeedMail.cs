namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The seeded mail: realistic citizen mail in every sandbox mailbox, received relative to today. The people and
/// addresses are invented.
/// </summary>
internal static partial class SandboxSeed
{
    /// <summary>What an official already did with a seeded mail before the sandbox started.</summary>
    internal enum Done { Nothing, Acknowledged, Answered }

    /// <summary>
    /// A seeded mail. <paramref name="WorkingDaysAgo"/> counts back from the next working day (today, on a working day):
    /// with the promise's two working days, 0 is fresh, 1 has a day left, 2 is due today — on a day off, due the first
    /// working day ahead, as nothing can fall due on a day off (Lag 1930:173) — and 3 or more is overdue.
    /// </summary>
    internal sealed record Seed(int WorkingDaysAgo, int Hour, string FromName, string FromAddress, string Subject, string Body,
        Dictionary<string, string>? Headers = null, string? Mailbox = null, Done Then = Done.Nothing, string? Answer = null);

    private const string Bygglov = "bygglov@sandbox.botkyrka.se";
    private const string Kontaktcenter = "kontaktcenter@sandbox.botkyrka.se";
    private const string Registrator = "registrator@sandbox.botkyrka.se";
    private const string Enhetschef = "enhetschef@sandbox.botkyrka.se";
    private const string Tillsyn = "bygglov-tillsyn@sandbox.botkyrka.se";
    private const string PerHolm = "per.holm@sandbox.botkyrka.se";
    private const string Karin = "karin.nordstrom@sandbox.botkyrka.se";
    private const string Tobias = "tobias.wallin@sandbox.botkyrka.se";
    private const string Maja = "maja.eriksson@sandbox.botkyrka.se";

    internal static readonly Seed[] Mail =
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

        // Every mailbox an official answers from has mail in each state: fresh, due today, overdue, acknowledged (a receipt
        // sent) and answered (a reply in Sent Items). Hanna's own and bygglov@ have the first three above.
        new(1, 10, "Sofia Lindberg", "sofia.lindberg@example.se", "Strandskydd för brygga",
            "Hej!\n\nVi vill bygga en brygga vid vår sommarstuga vid Tullingesjön. Behöver vi strandskyddsdispens, och vad kostar en ansökan?\n\nVänliga hälsningar\nSofia Lindberg",
            Then: Done.Acknowledged),
        new(3, 9, "Johan Persson", "johan.persson@example.se", "Öppettider för återvinningscentralen",
            "Hej,\n\nVilka tider har återvinningscentralen i Tumba öppet i december?\n\nJohan Persson",
            Then: Done.Answered, Answer: "Återvinningscentralen i Tumba har öppet måndag till fredag kl. 10–19 och helger kl. 9–16. På helgdagar är den stängd."),
        new(1, 14, "Eva Karlsson", "eva.karlsson@example.se", "Bygglov för garage",
            "Hej!\n\nJag vill bygga ett garage på 35 kvadratmeter nära tomtgränsen i Vårsta. Måste grannen godkänna det?\n\nEva Karlsson",
            Mailbox: Bygglov, Then: Done.Acknowledged),
        new(2, 10, "Nils Åberg", "nils.aberg@example.se", "Hur många ritningar behövs?",
            "Hej,\n\nHur många exemplar av ritningarna ska jag skicka in med min ansökan om bygglov för en tillbyggnad?\n\nNils Åberg",
            Mailbox: Bygglov, Then: Done.Answered, Answer: "Det räcker med ett exemplar av varje ritning när du söker i e-tjänsten. Ritningarna ska vara skalenliga och visa måtten."),

        new(0, 9, "Ali Rezaei", "ali.rezaei@example.se", "Parkering vid Tumba station",
            "Hej!\n\nFår jag parkera över natten på infartsparkeringen vid Tumba station?\n\nAli Rezaei", Mailbox: Kontaktcenter),
        new(2, 13, "Birgitta Sjöberg", "birgitta.sjoberg@example.se", "Trasig gunga på lekplatsen",
            "Hej,\n\nEn av gungorna på lekplatsen vid Alby gård är trasig. Kedjan hänger löst. Kan ni laga den?\n\nBirgitta Sjöberg", Mailbox: Kontaktcenter),
        new(4, 10, "Tomas Wikström", "tomas.wikstrom@example.se", "Synpunkt på belysningen i gångtunneln",
            "Hej.\n\nGångtunneln under Tumbavägen är mörk på kvällarna och känns otrygg. Jag tycker att kommunen ska sätta upp bättre belysning.\n\nTomas Wikström",
            Mailbox: Kontaktcenter),
        new(1, 11, "Malin Forsberg", "malin.forsberg@example.se", "Fråga om föreningsbidrag",
            "Hej!\n\nVår idrottsförening i Hallunda vill söka bidrag för en turnering för ungdomar i vår. Hur ansöker vi, och när är sista dag?\n\nMalin Forsberg",
            Mailbox: Kontaktcenter, Then: Done.Acknowledged),
        new(3, 10, "Kalle Nyström", "kalle.nystrom@example.se", "Hämtning av julgran",
            "Hej,\n\nHämtar kommunen julgranar efter jul, eller var ska vi lämna vår?\n\nKalle Nyström",
            Mailbox: Kontaktcenter, Then: Done.Answered, Answer: "Ja, vi hämtar julgranar vid villor och radhus i januari. Lägg granen utan pynt vid tomtgränsen."),

        new(0, 8, "Ingrid Dahl", "ingrid.dahl@example.se", "Fråga om kommunfullmäktiges möte",
            "Hej!\n\nNär är nästa möte i kommunfullmäktige, och kan man följa det på webben?\n\nIngrid Dahl", Mailbox: Registrator),
        new(2, 10, "Gustav Ek", "gustav.ek@example.se", "Synpunkt på kommunens webbplats",
            "Hej.\n\nDet är svårt att hitta blanketterna på kommunens webbplats. Sökfunktionen visar mest gamla nyheter.\n\nGustav Ek", Mailbox: Registrator),
        new(3, 14, "Astrid Lund", "astrid.lund@example.se", "Fråga om medborgarförslag",
            "Hej,\n\nHur lämnar jag ett medborgarförslag om fler parkbänkar i Tullinge, och vem bestämmer om det?\n\nAstrid Lund", Mailbox: Registrator),
        new(1, 9, "Robert Falk", "robert.falk@example.se", "Hyra lokal i kommunhuset",
            "Hej!\n\nVår förening vill hyra en lokal i kommunhuset för ett möte i januari. Går det, och vad kostar det?\n\nRobert Falk",
            Mailbox: Registrator, Then: Done.Acknowledged),
        new(2, 11, "Monica Strand", "monica.strand@example.se", "När publiceras protokollet?",
            "Hej,\n\nNär brukar protokollen från kommunstyrelsens möten publiceras på webben?\n\nMonica Strand",
            Mailbox: Registrator, Then: Done.Answered, Answer: "Protokollet publiceras på kommunens webbplats senast två veckor efter mötet. Du hittar det under Kommun och politik."),

        new(0, 9, "Peter Sandström", "peter.sandstrom@example.se", "Fråga om handläggningstid",
            "Hej!\n\nHur lång är handläggningstiden för bygglov just nu? Vi vill börja bygga i april.\n\nPeter Sandström", Mailbox: Enhetschef),
        new(2, 9, "Linnea Björk", "linnea.bjork@example.se", "Klagomål på handläggningen",
            "Hej.\n\nJag har väntat i tre månader på besked om mitt bygglov och ingen svarar i telefon. Jag vill att någon hör av sig.\n\nLinnea Björk",
            Mailbox: Enhetschef),
        new(3, 11, "Magnus Holmberg", "magnus.holmberg@example.se", "Fråga om förhandsbesked",
            "Hej,\n\nVi vill stycka av en tomt i Grödinge och bygga ett hus. Behöver vi söka förhandsbesked först?\n\nMagnus Holmberg", Mailbox: Enhetschef),
        new(1, 13, "Cecilia Norén", "cecilia.noren@example.se", "Rivning av förråd",
            "Hej!\n\nVi vill riva ett gammalt förråd på 20 kvadratmeter på vår tomt i Tullinge. Behövs rivningslov?\n\nCecilia Norén",
            Mailbox: Enhetschef, Then: Done.Acknowledged),
        new(2, 14, "Oskar Lind", "oskar.lind@example.se", "Avgift för bygglov",
            "Hej,\n\nVad kostar ett bygglov för en tillbyggnad på 25 kvadratmeter?\n\nOskar Lind",
            Mailbox: Enhetschef, Then: Done.Answered, Answer: "Avgiften beror på hur stor tillbyggnaden är. För 25 kvadratmeter blir den ungefär 15 000 kronor. Du får ett exakt besked när ansökan är komplett."),

        // The unit head's coverage: mail waiting in the mailboxes of colleagues who cannot sign in (the watcher follows
        // them all the same), and in the unit's second function mailbox.
        new(4, 9, "Hassan Jama", "hassan.jama@example.se", "Bygglov för balkong",
            "Hej!\n\nJag skickade in ritningar för en inglasad balkong för två veckor sedan. Har ni fått dem, och saknas något?\n\nHassan Jama", Mailbox: Karin),
        new(2, 10, "Ulla Berggren", "ulla.berggren@example.se", "Fråga om staket mot gatan",
            "Hej,\n\nFår vi sätta upp ett staket på 1,2 meter mot gatan utan bygglov?\n\nUlla Berggren", Mailbox: Karin),
        new(0, 9, "Viktor Åström", "viktor.astrom@example.se", "Slutbesked för garaget",
            "Hej!\n\nGaraget är klart. Vad behöver ni från oss för att vi ska få slutbesked?\n\nViktor Åström", Mailbox: Tobias),
        new(1, 13, "Elsa Moberg", "elsa.moberg@example.se", "Tillsyn av grannens bygge",
            "Hej,\n\nGrannen bygger ett stort förråd precis vid vår tomtgräns. Har de bygglov, och kan ni komma ut och titta?\n\nElsa Moberg", Mailbox: Tobias),
        new(3, 10, "Rolf Sandin", "rolf.sandin@example.se", "Besiktning av eldstad",
            "Hej.\n\nVi har satt in en ny braskamin. Vem ska besiktiga den innan vi får elda?\n\nRolf Sandin", Mailbox: Maja),
        new(1, 10, "Greta Lund", "greta.lund@example.se", "Ritningar till vårt hus",
            "Hej!\n\nFinns de gamla ritningarna till vårt hus på Skyttevägen 3 i Tullinge hos er? Kan vi få en kopia?\n\nGreta Lund", Mailbox: PerHolm),
        new(0, 10, "Anders Kask", "anders.kask@example.se", "Olovligt byggd altan",
            "Hej,\n\nPå fastigheten bredvid oss har det byggts en altan på taket av garaget. Har det prövats?\n\nAnders Kask", Mailbox: Tillsyn),
        new(3, 9, "Yasmin Farah", "yasmin.farah@example.se", "Föreläggande om rivning",
            "Hej.\n\nVi har fått ett föreläggande om att riva vårt förråd. Hur överklagar vi, och vad händer under tiden?\n\nYasmin Farah", Mailbox: Tillsyn),
    ];
}
