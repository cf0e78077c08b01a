using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>The unit heads' Monday digest as rules: which day, who is away without cover, and what the text says.</summary>
[TestClass]
public sealed class HeadDigestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(1)); // Monday
    private static readonly DateOnly Today = new(2026, 11, 30);
    private const string Karin = "karin@botkyrka.se", Per = "per@botkyrka.se", Lina = "lina@botkyrka.se", Oskar = "oskar@botkyrka.se";

    private static readonly (string Email, string Name)[] Members =
        [(Karin, "Karin Nordström"), (Per, "Per Holm"), (Lina, "Lina Öhman"), (Oskar, "Oskar Bergqvist")];

    private static DateOnly? DueDay(DateTimeOffset now) =>
        new HeadDigests(null!, null!, new WorkingDayCalendar(new WorkingDayOptions()), new FixedClock(now), Options.Create(new WatcherOptions())).DueDay();

    [TestMethod]
    public void It_is_due_on_monday_from_half_past_seven_and_not_before()
    {
        Assert.IsNull(DueDay(new DateTimeOffset(2026, 11, 29, 22, 0, 0, TimeSpan.FromHours(1))), "Sunday evening");
        Assert.IsNull(DueDay(new DateTimeOffset(2026, 11, 30, 7, 29, 0, TimeSpan.FromHours(1))), "Monday before the digest time");
        Assert.AreEqual(Today, DueDay(new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.FromHours(1))));
        Assert.AreEqual(Today, DueDay(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.FromHours(1))));
        Assert.IsNull(DueDay(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(1))), "Tuesday: Monday was a working day");
    }

    [TestMethod]
    public void When_monday_is_a_holiday_it_is_due_on_tuesday()
    {
        // Annandag påsk 2027: Monday 29 March (Lag 1989:253).
        Assert.IsNull(DueDay(new DateTimeOffset(2027, 3, 29, 9, 0, 0, TimeSpan.FromHours(2))), "Easter Monday");
        Assert.IsNull(DueDay(new DateTimeOffset(2027, 3, 30, 7, 29, 0, TimeSpan.FromHours(2))), "Tuesday before the digest time");
        Assert.AreEqual(new DateOnly(2027, 3, 30), DueDay(new DateTimeOffset(2027, 3, 30, 7, 30, 0, TimeSpan.FromHours(2))));
        Assert.IsNull(DueDay(new DateTimeOffset(2027, 3, 31, 8, 0, 0, TimeSpan.FromHours(2))), "Wednesday");
        // Christmas week 2026: Monday 21 December is a working day.
        Assert.AreEqual(new DateOnly(2026, 12, 21), HeadDigests.FirstWorkingDay(new WorkingDayCalendar(new WorkingDayOptions()), new DateOnly(2026, 12, 24)));
    }

    private static IReadOnlyList<AwayWithoutCover> Away(IReadOnlyList<AutomaticReply> replies, Dictionary<string, (DateOnly, DateOnly)>? covers = null) =>
        HeadDigestText.Away(Members, replies, covers ?? [], new Dictionary<string, OpenCount> { [Karin] = new(2, 1, 1) }, Now);

    private static AutomaticReply On(string email, DateTimeOffset? start, DateTimeOffset? end) => new(email, true, "Jag är ledig.", start, end);

    [TestMethod]
    public void Away_without_cover_is_listed_with_open_mail_and_the_day_the_reply_ends()
    {
        var away = Away([On(Karin, Now.AddDays(-1), new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.FromHours(1))), On(Lina, null, null)]);

        CollectionAssert.AreEqual(new[] { "Karin Nordström", "Lina Öhman" }, away.Select(a => a.Name).ToArray());
        StringAssert.Contains(HeadDigestText.Html(Facts(away)), "<li>Lina Öhman: inga öppna mejl</li>");
        Assert.AreEqual(new AwayWithoutCover("Karin Nordström", new DateOnly(2026, 12, 4), 2), away[0]);
        Assert.AreEqual(new AwayWithoutCover("Lina Öhman", null, 0), away[1]);
    }

    [TestMethod]
    public void Away_with_a_cover_for_today_is_not_listed_and_a_cover_ended_yesterday_or_starting_tomorrow_does_not_count()
    {
        var replies = new[] { On(Karin, Now.AddDays(-1), null) };
        Assert.IsEmpty(Away(replies, new() { [Karin] = (Today, Today) }));
        Assert.HasCount(1, Away(replies, new() { [Karin] = (Today.AddDays(-5), Today.AddDays(-1)) }));
        Assert.HasCount(1, Away(replies, new() { [Karin] = (Today.AddDays(1), Today.AddDays(5)) }));
        Assert.HasCount(1, Away(replies, new() { [Per] = (Today, Today) }), "another member's cover is not hers");
    }

    [TestMethod]
    public void A_member_back_or_not_yet_gone_or_with_the_reply_off_is_not_listed()
    {
        Assert.IsEmpty(Away([On(Karin, Now.AddDays(-5), Now)]), "the reply ended this very moment: back");
        Assert.HasCount(1, Away([On(Karin, Now.AddDays(-5), Now.AddMinutes(1))]), "a minute left: still away");
        Assert.IsEmpty(Away([On(Oskar, Now.AddDays(7), Now.AddDays(14))]), "planned for next week");
        Assert.HasCount(1, Away([On(Oskar, Now, Now.AddDays(14))]), "from this very moment: away");
        Assert.IsEmpty(Away([new AutomaticReply(Karin, false, null, null, null)]));
    }

    private static PromiseReportWeek Week(int received, int within1, int within2) =>
        new("2026-W48", new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), "Bygglovsenheten", received, new ReceivedByCategory(received, 0, 0, 0, 0),
            within1, ReportRules.Share(within1, received), within2, ReportRules.Share(within2, received), 0, null, 0);

    [TestMethod]
    public void Last_weeks_share_is_told_against_the_promise_from_the_reports_own_numbers()
    {
        Assert.AreEqual("Förra veckan (vecka 48) fick enheten 12 mejl från invånare. Av dem fick 10 (83 procent) svar eller bekräftelse inom " +
                        "två arbetsdagar, som kontaktlöftet lovar, och 7 (58 procent) inom en arbetsdag.", HeadDigestText.Share(Week(12, 7, 10)));
        Assert.AreEqual("Förra veckan (vecka 48) fick enheten 2 mejl från invånare. Av dem fick 1 (50 procent) svar eller bekräftelse inom " +
                        "två arbetsdagar, som kontaktlöftet lovar, och 0 (0 procent) inom en arbetsdag.", HeadDigestText.Share(Week(2, 0, 1)));
        // 2 of 3 = 0.6667: the report's four decimals, told as whole percent.
        StringAssert.Contains(HeadDigestText.Share(Week(3, 1, 2)), "fick 2 (67 procent) svar");
        Assert.AreEqual("Förra veckan (vecka 48) fick enheten inga mejl från invånare.", HeadDigestText.Share(Week(0, 0, 0)));
        StringAssert.Contains(HeadDigestText.Share(null), "du hör inte till någon enhet");
    }

    private static HeadDigestFacts Facts(IReadOnlyList<AwayWithoutCover>? away, params OverdueNow[] overdue) =>
        new("Elin Sandberg", Today, away, overdue, Week(12, 7, 10), "https://kontaktlofte.botkyrka.se/coverage");

    [TestMethod]
    public void The_text_lists_who_is_away_and_overdue_counts_per_member_and_function_mailbox()
    {
        var html = HeadDigestText.Html(Facts([new("Karin Nordström", new DateOnly(2026, 12, 4), 2), new("Lina Öhman", null, 1)],
            new OverdueNow("Karin Nordström", 1), new OverdueNow("Per Holm", 0), new OverdueNow("bygglov@botkyrka.se", 3)));

        StringAssert.Contains(html, "God morgon, Elin!");
        StringAssert.Contains(html, "<li>Karin Nordström, till 4 december: 2 öppna mejl</li>");
        StringAssert.Contains(html, "<li>Lina Öhman: 1 öppet mejl</li>");
        StringAssert.Contains(html, "Försenade mejl från invånare just nu, 4 i allt:");
        StringAssert.Contains(html, "<li>Karin Nordström: 1</li>");
        StringAssert.Contains(html, "<li>bygglov@botkyrka.se: 3</li>");
        Assert.DoesNotContain("Per Holm", html, "nothing overdue: not named");
        StringAssert.Contains(html, "<a href=\"https://kontaktlofte.botkyrka.se/coverage\">Öppna Enhetens bevakning</a>");
        StringAssert.Contains(html, "Av dem fick 10 (83 procent) svar eller bekräftelse inom två arbetsdagar");
        Assert.IsLessThan(html.IndexOf("Karin Nordström: 1<", StringComparison.Ordinal), html.IndexOf("bygglov@botkyrka.se: 3", StringComparison.Ordinal),
            "the most overdue first");
        Assert.AreEqual("Kontaktlöfte: enhetens bevakning vecka 49", HeadDigestText.Subject(Today));
    }

    [TestMethod]
    public void Nobody_away_nothing_overdue_and_absences_unread_each_have_their_line()
    {
        var calm = HeadDigestText.Html(Facts([], new OverdueNow("Karin Nordström", 0)));
        StringAssert.Contains(calm, "Ingen i enheten är borta utan ersättare.");
        StringAssert.Contains(calm, "Inga mejl från invånare är försenade just nu.");
        Assert.DoesNotContain(HeadDigestText.AbsencesUnread, calm);

        var unread = HeadDigestText.Html(Facts(null, new OverdueNow("Karin Nordström", 2)));
        StringAssert.Contains(unread, HeadDigestText.AbsencesUnread);
        Assert.DoesNotContain("Ingen i enheten är borta", unread);
        StringAssert.Contains(unread, "<li>Karin Nordström: 2</li>", "the rest is still sent");
        StringAssert.Contains(unread, "Av dem fick 10 (83 procent)");
    }

    [TestMethod]
    public void A_name_is_encoded_and_without_a_public_address_the_page_is_named_without_a_link()
    {
        var html = HeadDigestText.Html(new HeadDigestFacts("Elin Sandberg", Today, [new("<b>Eve</b>", null, 0)], [], null, null));
        StringAssert.Contains(html, "&lt;b&gt;Eve&lt;/b&gt;");
        Assert.DoesNotContain("<a ", html);
        StringAssert.Contains(html, "Öppna Enhetens bevakning i Kontaktlöfte");
    }

    [TestMethod]
    public void The_whole_digest_reads_as_written_here()
    {
        // The text as a head receives it, to the letter: every sentence is part of what the digest promises to say.
        var html = HeadDigestText.Html(Facts([new("Karin Nordström", new DateOnly(2026, 12, 4), 2)], new OverdueNow("bygglov@botkyrka.se", 3)));

        Assert.AreEqual("<div>\n<p>God morgon, Elin!</p>\n<p>Borta utan ersättare i dag:</p>\n<ul>\n<li>Karin Nordström, till 4 december: 2 öppna mejl</li>\n</ul>\n" +
                        "<p>Välj en ersättare, så att någon läser deras post.</p>\n<p>Försenade mejl från invånare just nu, 3 i allt:</p>\n<ul>\n" +
                        "<li>bygglov@botkyrka.se: 3</li>\n</ul>\n<p>Förra veckan (vecka 48) fick enheten 12 mejl från invånare. Av dem fick 10 (83 procent) " +
                        "svar eller bekräftelse inom två arbetsdagar, som kontaktlöftet lovar, och 7 (58 procent) inom en arbetsdag.</p>\n" +
                        "<p><a href=\"https://kontaktlofte.botkyrka.se/coverage\">Öppna Enhetens bevakning</a> för att se hela enheten och välja ersättare.</p>\n" +
                        "<p>Det här är ett automatiskt veckobrev från Kontaktlöfte.</p>\n</div>\n", html);
    }

    [TestMethod]
    public void Without_the_heads_name_the_greeting_is_plain_and_without_an_address_the_page_is_named_in_words()
    {
        var html = HeadDigestText.Html(new HeadDigestFacts(" ", Today, [], [], null, null));

        StringAssert.StartsWith(html, "<div>\n<p>God morgon!</p>\n<p>Ingen i enheten är borta utan ersättare.</p>");
        StringAssert.Contains(html, "<p>Förra veckans siffror saknas: du hör inte till någon enhet i Kontaktlöfte.</p>\n" +
                                    "<p>Öppna Enhetens bevakning i Kontaktlöfte för att se hela enheten och välja ersättare.</p>\n" +
                                    "<p>Det här är ett automatiskt veckobrev från Kontaktlöfte.</p>");
    }
}
