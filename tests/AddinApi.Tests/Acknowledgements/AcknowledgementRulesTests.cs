using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Promises.Classification;
using Kontaktlofte.AddinApi.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

/// <summary>
/// What a receipt must be before it is recorded, each rule on both sides of its edge. Today is Monday 2026-11-30,
/// a working day; the message came in on Friday 2026-11-27 and is due Tuesday 2026-12-01.
/// </summary>
[TestClass]
public sealed class AcknowledgementRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly ContactPerson Me = new("Hanna Lindqvist", "Bygglovshandläggare", "08-530 612 34", "hanna.lindqvist@botkyrka.se");

    private static readonly AcknowledgementRules Rules = new(
        new WorkingDayCalendar(new WorkingDayOptions { ExtraDaysOff = [new DayOff(new DateOnly(2026, 12, 28), "mellandag")] }),
        new ConfidentialContent(new FixedClock(Monday)), new Languages(), new FixedClock(Monday));

    private static Tracked Message(DateOnly? due = null, MessageCategory category = MessageCategory.Question, string language = "sv",
        bool sensitive = false, DateTimeOffset? receivedAt = null)
    {
        var received = receivedAt ?? new DateTimeOffset(2026, 11, 27, 16, 5, 0, TimeSpan.FromHours(1));
        var from = new MailAddress("Anna Berg", "anna.berg@example.se");
        var mail = new MailboxMessage("id", null, null, from, "Bygglov", null, "Hej", received, new Dictionary<string, string>(), []);
        var facts = new TrackedMessage
        {
            Id = "id", Mailbox = "hanna.lindqvist@botkyrka.se", ReceivedAt = received, Category = category, Language = language,
            Sensitive = sensitive, DueDate = due ?? new DateOnly(2026, 12, 1),
        };
        return new Tracked(mail, facts, new MessageClassification(category, language, sensitive, []), new CitizenMail(from, received, null, null));
    }

    private static AcknowledgementRequest Request(DateOnly? promised = null, string? language = null, ContactPerson? contact = null, string? line = null) =>
        new(contact, promised, language, line);

    private static ReceiptFacts Accepted(AcknowledgementRequest request, Tracked? tracked = null)
    {
        var (facts, problem) = Rules.Check(request, tracked ?? Message(), Me);
        Assert.IsNull(problem, problem is null ? "" : string.Join("; ", problem.ProblemDetails.Errors.SelectMany(e => e.Value)));
        return facts!;
    }

    private static string Refused(AcknowledgementRequest request, string field, Tracked? tracked = null)
    {
        var (facts, problem) = Rules.Check(request, tracked ?? Message(), Me);
        Assert.IsNull(facts);
        Assert.IsNotNull(problem);
        Assert.IsTrue(problem.ProblemDetails.Errors.ContainsKey(field), string.Join(", ", problem.ProblemDetails.Errors.Keys));
        return problem.ProblemDetails.Errors[field].Single();
    }

    [TestMethod]
    public void Without_a_date_the_due_date_is_promised() => Assert.AreEqual(new DateOnly(2026, 12, 1), Accepted(Request()).PromisedDate);

    [TestMethod]
    public void Without_a_date_an_overdue_message_is_promised_today() =>
        Assert.AreEqual(Today, Accepted(Request(), Message(due: new DateOnly(2026, 11, 27))).PromisedDate);

    [TestMethod]
    public void Without_a_date_a_due_date_on_a_day_off_moves_to_the_next_working_day() =>
        Assert.AreEqual(new DateOnly(2026, 12, 29), Accepted(Request(), Message(due: new DateOnly(2026, 12, 26))).PromisedDate);

    [TestMethod]
    public void Today_may_be_promised_yesterday_not() // the edge of "not before today"
    {
        Assert.AreEqual(Today, Accepted(Request(Today)).PromisedDate);
        StringAssert.Contains(Refused(Request(Today.AddDays(-1)), "promisedDate"), "före i dag");
    }

    [TestMethod]
    public void A_year_ahead_may_be_promised_a_day_more_not()
    {
        Assert.AreEqual(new DateOnly(2027, 11, 30), Accepted(Request(new DateOnly(2027, 11, 30))).PromisedDate, "a Tuesday, exactly a year on");
        StringAssert.Contains(Refused(Request(new DateOnly(2027, 12, 1)), "promisedDate"), "ett år");
    }

    [TestMethod]
    [DataRow(2026, 12, 5, "lördag", DisplayName = "a Saturday")]
    [DataRow(2026, 12, 24, "julafton", DisplayName = "julafton (Lag 1930:173)")]
    [DataRow(2026, 12, 28, "mellandag", DisplayName = "a configured municipal day off")]
    public void A_day_off_is_refused_and_named(int year, int month, int day, string named) =>
        StringAssert.Contains(Refused(Request(new DateOnly(year, month, day)), "promisedDate").ToLowerInvariant(), named);

    [TestMethod]
    public void The_language_is_the_messages_unless_asked_and_only_one_of_three()
    {
        Assert.AreEqual("fi", Accepted(Request(), Message(language: "fi")).Language);
        Assert.AreEqual("en", Accepted(Request(language: " EN ")).Language);
        StringAssert.Contains(Refused(Request(language: "de"), "language"), "sv, fi eller en");
    }

    [TestMethod]
    public void The_contact_person_is_the_official_unless_another_is_named_and_is_trimmed()
    {
        Assert.AreEqual(Me, Accepted(Request()).Contact);
        var colleague = Accepted(Request(contact: new(" Per Holm ", " Bygglovsarkitekt ", " 08-530 612 77 ", " per.holm@botkyrka.se "))).Contact;
        Assert.AreEqual(new ContactPerson("Per Holm", "Bygglovsarkitekt", "08-530 612 77", "per.holm@botkyrka.se"), colleague);
        Assert.AreEqual(Me, Accepted(Request(contact: colleague)).Sender, "the sender stays the official");
    }

    [TestMethod]
    public void The_contact_persons_name_is_needed_and_at_most_200_characters()
    {
        Accepted(Request(contact: Me with { Name = new string('a', 200) }));
        StringAssert.Contains(Refused(Request(contact: Me with { Name = new string('a', 201) }), "contactPerson.name"), "namn (högst 200 tecken)");
        Refused(Request(contact: Me with { Name = "  " }), "contactPerson.name");
    }

    [TestMethod]
    public void The_contact_persons_address_is_needed_looks_like_one_and_is_at_most_320_characters()
    {
        var at320 = new string('a', 320 - "@botkyrka.se".Length) + "@botkyrka.se";
        Accepted(Request(contact: Me with { Email = at320 }));
        Refused(Request(contact: Me with { Email = "x" + at320 }), "contactPerson.email");
        StringAssert.Contains(Refused(Request(contact: Me with { Email = "" }), "contactPerson.email"), "e-postadress");
        Refused(Request(contact: Me with { Email = "hanna.botkyrka.se" }), "contactPerson.email");
    }

    [TestMethod]
    public void Title_and_phone_have_their_lengths()
    {
        Accepted(Request(contact: Me with { Title = new string('t', 200), Phone = new string('1', 50) }));
        StringAssert.Contains(Refused(Request(contact: Me with { Title = new string('t', 201) }), "contactPerson"), "Titeln får vara högst 200 tecken");
        Refused(Request(contact: Me with { Phone = new string('1', 51) }), "contactPerson");
        Assert.IsNull(Accepted(Request(contact: Me with { Title = null, Phone = null })).Contact.Phone, "no phone is allowed");
    }

    [TestMethod]
    public void The_personal_line_is_trimmed_at_most_500_characters_and_never_a_personal_identity_number()
    {
        Assert.IsNull(Accepted(Request(line: "   ")).PersonalLine);
        Assert.AreEqual("Jag ringer dig.", Accepted(Request(line: "  Jag ringer dig.  ")).PersonalLine);
        Assert.HasCount(500, Accepted(Request(line: new string('a', 500))).PersonalLine!);
        StringAssert.Contains(Refused(Request(line: new string('a', 501)), "personalLine"), "högst 500 tecken");
        StringAssert.Contains(Refused(Request(line: "Gäller 811218-9876."), "personalLine"), "personnummer");
    }

    [TestMethod]
    public void The_received_day_is_the_day_in_stockholm_and_sensitivity_follows_the_message()
    {
        var lateNight = new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero); // 00:30 on the 27th in Stockholm
        var facts = Accepted(Request(), Message(receivedAt: lateNight, sensitive: true));

        Assert.AreEqual(new DateOnly(2026, 11, 27), facts.ReceivedDate);
        Assert.IsTrue(facts.Sensitive);
    }

    [TestMethod]
    public void A_request_for_public_records_promised_after_its_due_day_is_warned_about_on_the_due_day_not()
    {
        var request = Message(due: Today, category: MessageCategory.DocumentRequest);

        Assert.IsEmpty(Rules.Warnings(Accepted(Request(Today), request), request.Facts));
        var later = Rules.Warnings(Accepted(Request(Today.AddDays(1)), request), request.Facts).Single();
        Assert.AreEqual("document-request.later-than-due", later.Code);
        StringAssert.Contains(later.Message, "TF 2 kap. 15 §");
        StringAssert.Contains(later.Message, "letas fram eller sekretessprövas");
        var question = Message(due: Today);
        Assert.IsEmpty(Rules.Warnings(Accepted(Request(Today.AddDays(1)), question), question.Facts), "other mail may be promised later");
    }

    [TestMethod]
    public void A_personal_line_in_another_language_than_the_receipt_is_warned_about()
    {
        var tracked = Message();
        var finnish = Accepted(Request(line: "Hei! Soitan sinulle huomenna ja kerron lisää hakemuksesta. Kiitos kärsivällisyydestä."));
        var swedish = Accepted(Request(line: "Hej! Jag ringer dig i morgon och berättar mer om ansökan. Tack för ditt tålamod."));

        var warning = Rules.Warnings(finnish, tracked.Facts).Single();
        Assert.AreEqual("personal-line.language", warning.Code);
        StringAssert.Contains(warning.Message, "finska");
        Assert.IsEmpty(Rules.Warnings(swedish, tracked.Facts));
        Assert.IsEmpty(Rules.Warnings(Accepted(Request(line: "Ok.")), tracked.Facts), "too short to be sure: no warning");
        StringAssert.Contains(Rules.Warnings(finnish, tracked.Facts).Single().Message, "men mottagningsbeviset är på svenska");
        var english = Accepted(Request(language: "fi", line: "Hello! I will call you tomorrow and tell you more about the application. Thank you for your patience."));
        StringAssert.Contains(Rules.Warnings(english, tracked.Facts).Single().Message, "skriven på engelska, men mottagningsbeviset är på finska");
    }
}
