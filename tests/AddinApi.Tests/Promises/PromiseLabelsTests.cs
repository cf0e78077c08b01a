using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Promises;

/// <summary>The one Outlook category a promise stands at, on both sides of each day. Today is Monday 2026-11-30.</summary>
[TestClass]
public sealed class PromiseLabelsTests
{
    private static readonly DueDates Rules = new(new WorkingDayCalendar(new WorkingDayOptions()));
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static TrackedMessage Message(DateOnly due, MessageCategory category = MessageCategory.Question, DateOnly? promised = null,
        DateTimeOffset? answered = null) => new()
    {
        Id = "id", Mailbox = "bygglov@botkyrka.se", Language = "sv", Category = category, DueDate = due, PromisedDate = promised,
        AnsweredAt = answered, ReceivedAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1)),
    };

    [TestMethod]
    [DataRow(2026, 11, 27, PromiseLabels.Overdue, DisplayName = "due Friday, read Monday: försenat")]
    [DataRow(2026, 11, 30, PromiseLabels.DueToday, DisplayName = "due today: svara i dag, not yet försenat")]
    [DataRow(2026, 12, 1, PromiseLabels.Open, DisplayName = "due tomorrow: öppet")]
    public void The_due_date_decides_between_overdue_due_today_and_open(int y, int m, int d, string label) =>
        Assert.AreEqual(label, PromiseLabels.For(Message(new DateOnly(y, m, d)), Rules, Monday));

    [TestMethod]
    public void A_receipt_makes_it_acknowledged_until_its_promised_day_which_counts_instead_of_the_due_date()
    {
        Assert.AreEqual(PromiseLabels.Acknowledged, PromiseLabels.For(Message(new DateOnly(2026, 11, 27), promised: new DateOnly(2026, 12, 4)), Rules, Monday));
        Assert.AreEqual(PromiseLabels.DueToday, PromiseLabels.For(Message(new DateOnly(2026, 11, 27), promised: Monday), Rules, Monday));
        Assert.AreEqual(PromiseLabels.Overdue, PromiseLabels.For(Message(new DateOnly(2026, 11, 20), promised: new DateOnly(2026, 11, 27)), Rules, Monday));
    }

    [TestMethod]
    public void Answered_wins_over_everything_and_mail_without_a_promise_gets_none()
    {
        Assert.AreEqual(PromiseLabels.Answered, PromiseLabels.For(Message(new DateOnly(2026, 11, 20), answered: DateTimeOffset.UtcNow), Rules, Monday));
        Assert.IsNull(PromiseLabels.For(Message(new DateOnly(2026, 11, 20), MessageCategory.Internal), Rules, Monday));
        Assert.IsNull(PromiseLabels.For(Message(new DateOnly(2026, 11, 20), MessageCategory.Automatic), Rules, Monday));
    }

    [TestMethod]
    public void A_handed_over_copy_stands_handed_over_unless_answered_and_its_label_is_the_new_holders()
    {
        var overdue = Message(new DateOnly(2026, 11, 20));
        overdue.HandedOverAt = DateTimeOffset.UtcNow;
        Assert.AreEqual(PromiseState.HandedOver, Rules.Standing(overdue, Monday).State, "not overdue for the old holder");
        Assert.IsNull(PromiseLabels.For(overdue, Rules, Monday));
        var acknowledged = Message(new DateOnly(2026, 12, 2), promised: new DateOnly(2026, 12, 4));
        acknowledged.HandedOverAt = DateTimeOffset.UtcNow;
        Assert.AreEqual(PromiseState.HandedOver, Rules.Standing(acknowledged, Monday).State);
        var answeredFirst = Message(new DateOnly(2026, 11, 20), answered: DateTimeOffset.UtcNow);
        answeredFirst.HandedOverAt = DateTimeOffset.UtcNow;
        Assert.AreEqual(PromiseState.Answered, Rules.Standing(answeredFirst, Monday).State, "an answer is an answer");
        Assert.AreEqual(PromiseState.Overdue, Rules.Standing(Message(new DateOnly(2026, 11, 20)), Monday).State, "without a hand-over: overdue");
    }

    [TestMethod]
    public void Ours_are_known_whatever_the_case_and_the_officials_are_not()
    {
        Assert.IsTrue(PromiseLabels.IsOurs("kontaktlöfte: FÖRSENAT"));
        Assert.IsFalse(PromiseLabels.IsOurs("Viktigt"));
        CollectionAssert.AreEqual(new[] { "preset0", "preset1", "preset3", "preset7", "preset4" }, PromiseLabels.All.Select(l => l.Color).ToArray(),
            "red, orange, yellow, blue, green");
    }
}
