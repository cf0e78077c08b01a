using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Directory;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>The unit head's routine as rules, on both sides of each boundary.</summary>
[TestClass]
public sealed class CoverageRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly Person[] Unit =
    [
        new("Per Holm", "", "", "per.holm@botkyrka.se", ""),
        new("Sofia Ahmed", "", "", "sofia.ahmed@botkyrka.se", ""),
    ];

    private static AutomaticReply Reply(bool enabled = true, DateTimeOffset? start = null, DateTimeOffset? end = null, string? message = "Ledig.") =>
        new("per.holm@botkyrka.se", enabled, enabled ? message : null, start, end);

    private static bool Internal(string address) => new Organisation.OrganisationOptions { InternalDomains = ["botkyrka.se"] }.IsInternalAddress(address);

    [TestMethod]
    public void An_automatic_reply_that_is_off_is_no_absence() => Assert.IsFalse(CoverageRules.IsAway(Reply(enabled: false), Now));

    [TestMethod]
    public void A_reply_without_a_schedule_is_an_absence_until_it_is_turned_off() => Assert.IsTrue(CoverageRules.IsAway(Reply(), Now));

    [TestMethod]
    [DataRow(-1, true, DisplayName = "started a tick ago")]
    [DataRow(0, true, DisplayName = "starts now")]
    [DataRow(1, false, DisplayName = "starts a tick from now")]
    public void The_absence_begins_at_its_start(int ticks, bool away) =>
        Assert.AreEqual(away, CoverageRules.IsAway(Reply(start: Now.AddTicks(ticks), end: Now.AddDays(3)), Now));

    [TestMethod]
    [DataRow(1, true, DisplayName = "ends a tick from now")]
    [DataRow(0, false, DisplayName = "ends now")]
    [DataRow(-1, false, DisplayName = "ended a tick ago")]
    public void The_absence_is_over_at_its_end(int ticks, bool away) =>
        Assert.AreEqual(away, CoverageRules.IsAway(Reply(start: Now.AddDays(-3), end: Now.AddTicks(ticks)), Now));

    [TestMethod]
    public void A_reply_with_only_an_end_is_an_absence_until_then()
    {
        Assert.IsTrue(CoverageRules.IsAway(Reply(end: Now.AddTicks(1)), Now));
        Assert.IsFalse(CoverageRules.IsAway(Reply(end: Now), Now));
    }

    [TestMethod]
    public void A_reply_with_only_a_start_is_an_absence_from_then()
    {
        Assert.IsTrue(CoverageRules.IsAway(Reply(start: Now), Now));
        Assert.IsFalse(CoverageRules.IsAway(Reply(start: Now.AddTicks(1)), Now));
    }

    [TestMethod]
    [DataRow("2026-11-29", false)]
    [DataRow("2026-11-30", true)]
    [DataRow("2026-12-02", true)]
    [DataRow("2026-12-04", true)]
    [DataRow("2026-12-05", false)]
    public void A_cover_stands_for_the_whole_of_its_first_and_last_day(string day, bool covers) =>
        Assert.AreEqual(covers, CoverageRules.CoversOn(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 4), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [TestMethod]
    [DataRow("Kontakta Kontaktcenter.")]
    [DataRow("<p>Ring <b>KONTAKTCENTER</b></p>")]
    [DataRow("Ring 08-530 610 00.")]
    [DataRow("Ring 08 530 610 00.")]
    [DataRow("Ring 08-530 61000.")]
    [DataRow("Ring 0853061000.")]
    [DataRow("Ring 08–530 610 00.")]
    [DataRow("Ring 08-530&nbsp;610&nbsp;00.")]
    [DataRow("Call +46 8 530 610 00.")]
    [DataRow("Call +46 (0)8-530 610 00.")]
    [DataRow("Kontakta Sofia Ahmed.")]
    [DataRow("Kontakta sofia   ahmed.")]
    [DataRow("Skriv till sofia.ahmed@botkyrka.se.")]
    [DataRow("Skriv till bygglov@botkyrka.se.")]
    [DataRow("Skriv till registrator@sbf.botkyrka.se.")]
    public void A_reply_that_sends_the_citizen_somewhere_names_a_contact(string message) =>
        Assert.IsTrue(CoverageRules.NamesContact(message, "per.holm@botkyrka.se", Unit, Internal), message);

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("Jag är ledig.")]
    [DataRow("Ring 08-530 610 01.")]
    [DataRow("Ring 08-530 610 000.")]
    [DataRow("Ring 108-530 610 00.")]
    [DataRow("Ring 08-530 612 78.")]
    [DataRow("Kontakta Sofia.")]
    [DataRow("Kontakta Sofia Ahmedsson.")]
    [DataRow("Jag nås på per.holm@botkyrka.se.")]
    [DataRow("Kontakta Per Holm.")]
    [DataRow("Skriv till hjalp@example.se.")]
    [DataRow("Skriv till sofia.ahmed@botkyrka.se.example.com.")]
    [DataRow("Skriv till sofia.ahmed@botkyrka.seg.")]
    [DataRow("<!-- Kontaktcenter -->Jag är ledig.")]
    public void A_reply_that_sends_the_citizen_nowhere_names_no_contact(string? message) =>
        Assert.IsFalse(CoverageRules.NamesContact(message, "per.holm@botkyrka.se", Unit, Internal), message ?? "null");

    [TestMethod]
    public void A_reply_without_an_end_date_or_a_contact_has_both_problems_in_Swedish()
    {
        CollectionAssert.AreEqual(new[] { CoverageRules.NoEndDate, CoverageRules.NoContact }, CoverageRules.Problems(Reply(), namesContact: false).ToArray());
        CollectionAssert.AreEqual(new[] { CoverageRules.NoEndDate }, CoverageRules.Problems(Reply(), namesContact: true).ToArray());
        CollectionAssert.AreEqual(new[] { CoverageRules.NoContact }, CoverageRules.Problems(Reply(end: Now), namesContact: false).ToArray());
        Assert.IsEmpty(CoverageRules.Problems(Reply(end: Now), namesContact: true));
        Assert.IsEmpty(CoverageRules.Problems(Reply(enabled: false), namesContact: false), "a reply that is off has nothing wrong");
        StringAssert.Contains(CoverageRules.NoEndDate, "slutdatum");
        StringAssert.Contains(CoverageRules.NoContact, "08-530 610 00");
    }

    [TestMethod]
    [DataRow(true, 1, false, true)]
    [DataRow(true, 1, true, false)]
    [DataRow(true, 0, false, false)]
    [DataRow(false, 1, false, false)]
    public void A_gap_is_an_absence_with_open_mail_and_no_cover_today(bool away, int open, bool covered, bool gap) =>
        Assert.AreEqual(gap, CoverageRules.IsGap(away, open, covered));

    [TestMethod]
    public void A_function_mailbox_is_watched_while_one_watcher_is_here_or_covered()
    {
        Assert.IsTrue(CoverageRules.WatchedNow([(true, false), (false, false)]));
        Assert.IsTrue(CoverageRules.WatchedNow([(true, true)]), "away, but the cover reads the mail");
        Assert.IsFalse(CoverageRules.WatchedNow([(true, false), (true, false)]));
        Assert.IsFalse(CoverageRules.WatchedNow([]), "nobody watches it");
    }

    [TestMethod]
    public void Gaps_come_first_then_overdue_mail_then_names_in_Swedish_order()
    {
        var members = new (string Name, bool Gap, int Overdue)[]
        {
            ("Örjan", false, 0), ("Åsa", false, 0), ("Anna", false, 0), ("Zelda", false, 2), ("Bo", false, 1), ("Öla", true, 0), ("Cia", true, 3),
        };

        var order = CoverageRules.InOrder(members, m => m.Gap, m => m.Overdue, m => m.Name).Select(m => m.Name).ToArray();

        CollectionAssert.AreEqual(new[] { "Cia", "Öla", "Bo", "Zelda", "Anna", "Åsa", "Örjan" }, order);
    }

    [TestMethod]
    public void Any_one_colleague_named_is_enough_and_a_nameless_entry_names_nobody()
    {
        Person[] two = [new("Sofia Ahmed", "", "", "sofia.ahmed@example.org", "Bygglov"), new("Per Holm", "", "", "per.holm@example.org", "Bygglov")];
        bool Outside(string _) => false; // only the colleagues' own addresses count here

        Assert.IsTrue(CoverageRules.NamesContact("Kontakta Per Holm under tiden.", "lina@example.org", two, Outside), "the second of two");
        Assert.IsTrue(CoverageRules.NamesContact("Skriv till per.holm@example.org.", "lina@example.org", two, Outside), "the second's address");
        Assert.IsFalse(CoverageRules.NamesContact("Jag är tillbaka i januari.", "lina@example.org",
            [new Person("  ", "", "", "tom@example.org", "Bygglov")], Outside), "a colleague without a name is no name in every text");
    }

    [TestMethod]
    public void Names_sort_in_Swedish_order_whatever_their_case()
    {
        var sorted = CoverageRules.InOrder(["Örjan", "åsa", "Zlatan", "Anna", "ärla"], _ => false, _ => 0, n => n).ToList();

        CollectionAssert.AreEqual(new[] { "Anna", "Zlatan", "åsa", "ärla", "Örjan" }, sorted, "å, ä, ö after z, in that order");
    }
}
