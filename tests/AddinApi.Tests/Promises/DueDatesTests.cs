using System.Globalization;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Tests.Promises;

[TestClass]
public sealed class DueDatesTests
{
    private static readonly DueDates Rules = new(new WorkingDayCalendar(new WorkingDayOptions()));

    private static DateOnly Due(string receivedAt, MessageCategory category = MessageCategory.Question) =>
        Rules.For(DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture), category, new DateOnly(2026, 1, 1)).DueDate;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [TestMethod]
    [DataRow("2026-11-25T09:00:00+01:00", "2026-11-27", DisplayName = "Wednesday → Friday")]
    [DataRow("2026-11-27T16:05:00+01:00", "2026-12-01", DisplayName = "Friday → Tuesday")]
    [DataRow("2026-11-28T11:00:00+01:00", "2026-12-01", DisplayName = "Saturday → Tuesday")]
    [DataRow("2026-04-02T10:00:00+02:00", "2026-04-08", DisplayName = "Maundy Thursday → over Easter → Wednesday")]
    [DataRow("2026-05-13T10:00:00+02:00", "2026-05-18", DisplayName = "before Ascension")]
    [DataRow("2026-06-18T10:00:00+02:00", "2026-06-23", DisplayName = "the day before midsummer eve")]
    [DataRow("2025-06-05T10:00:00+02:00", "2025-06-10", DisplayName = "national day on a Friday, Whit Monday is a working day")]
    [DataRow("2026-12-23T10:00:00+01:00", "2026-12-29", DisplayName = "before Christmas")]
    [DataRow("2026-12-30T10:00:00+01:00", "2027-01-05", DisplayName = "over New Year")]
    [DataRow("2027-01-05T10:00:00+01:00", "2027-01-08", DisplayName = "over Epiphany")]
    [DataRow("2027-10-29T10:00:00+02:00", "2027-11-02", DisplayName = "Friday before All Saints")]
    public void A_question_is_due_on_the_second_working_day_after_the_receipt_day(string receivedAt, string due) =>
        Assert.AreEqual(D(due), Due(receivedAt));

    [TestMethod]
    public void Question_received_on_midsummer_eve_is_due_two_working_days_later() =>
        Assert.AreEqual(D("2026-06-23"), Due("2026-06-19T09:00:00+02:00"));

    [TestMethod]
    [DataRow(MessageCategory.Opinion)]
    [DataRow(MessageCategory.FaultReport)]
    [DataRow(MessageCategory.Callback)]
    public void Opinions_fault_reports_and_callbacks_have_two_working_days_too(MessageCategory category) =>
        Assert.AreEqual(D("2026-12-01"), Due("2026-11-27T10:00:00+01:00", category));

    [TestMethod]
    [DataRow("2026-11-25T15:00:00+01:00", "2026-11-25", DisplayName = "working day: the same day")]
    [DataRow("2026-11-28T15:00:00+01:00", "2026-11-30", DisplayName = "Saturday: Monday")]
    [DataRow("2026-12-24T08:00:00+01:00", "2026-12-28", DisplayName = "julafton: the next working day")]
    public void A_request_for_public_records_is_due_the_same_working_day(string receivedAt, string due) =>
        Assert.AreEqual(D(due), Due(receivedAt, MessageCategory.DocumentRequest));

    [TestMethod]
    [DataRow("2026-11-26T23:59:00+01:00", "2026-11-30", DisplayName = "23:59 Thursday in Stockholm is Thursday")]
    [DataRow("2026-11-26T23:01:00+00:00", "2026-12-01", DisplayName = "23:01 UTC Thursday is Friday in Stockholm")]
    [DataRow("2026-11-26T18:30:00-05:00", "2026-12-01", DisplayName = "sent from New York on Thursday evening: Friday here")]
    [DataRow("2026-03-28T23:30:00+00:00", "2026-03-31", DisplayName = "the night summer time begins: Sunday 00:30")]
    [DataRow("2026-10-24T22:30:00+00:00", "2026-10-27", DisplayName = "the night summer time ends: Sunday 00:30 CEST")]
    [DataRow("2026-10-25T01:30:00+00:00", "2026-10-27", DisplayName = "after summer time ended: Sunday 02:30 CET")]
    public void The_receipt_day_is_the_day_in_Stockholm(string receivedAt, string due) =>
        Assert.AreEqual(D(due), Due(receivedAt));

    [TestMethod]
    public void Working_days_left_and_overdue_count_from_today()
    {
        var received = DateTimeOffset.Parse("2026-11-27T10:00:00+01:00", CultureInfo.InvariantCulture);

        Assert.AreEqual(new Deadline(D("2026-11-27"), D("2026-12-01"), 1, false), Rules.For(received, MessageCategory.Question, D("2026-11-30")));
        Assert.AreEqual(0, Rules.For(received, MessageCategory.Question, D("2026-12-01")).WorkingDaysLeft);
        Assert.AreEqual(new Deadline(D("2026-11-27"), D("2026-12-01"), -1, true), Rules.For(received, MessageCategory.Question, D("2026-12-02")));
    }
}
