namespace Kontaktlofte.AddinApi.Promises;

/// <summary>When a message must be answered, and how much time is left.</summary>
/// <param name="ReceivedDate">The receipt day in Europe/Stockholm (FL 22 §).</param>
/// <param name="DueDate">The last day of the promise.</param>
/// <param name="WorkingDaysLeft">Working days after today up to and including the due date: 0 = due today, negative = overdue.</param>
/// <param name="Overdue">True when today is after the due date.</param>
public sealed record Deadline(DateOnly ReceivedDate, DateOnly DueDate, int WorkingDaysLeft, bool Overdue);

/// <summary>
/// The contact promise (KS/2016:805): an answer, a response or a confirmation at the latest within two working
/// days; public records "genast eller så snart det är möjligt" (TF 2 kap. 15 §), which JO reads as the same day.
/// </summary>
public sealed class DueDates(WorkingDayCalendar calendar)
{
    public const int PromisedWorkingDays = 2;

    /// <summary>True for the categories the promise covers; internal and automatic mail has no due date.</summary>
    public static bool HasPromise(MessageCategory category) =>
        category is not (MessageCategory.Internal or MessageCategory.Automatic);

    /// <summary>The categories the promise covers, for a query that must not load the rest.</summary>
    public static readonly MessageCategory[] Promised = Enum.GetValues<MessageCategory>().Where(HasPromise).ToArray();

    /// <summary>
    /// Where a tracked message's promise stands today: its deadline (to the date promised in a receipt, else the due
    /// date) and its state — answered, else handed over, else overdue, else acknowledged, else open. One place for the pane, the worklist
    /// and the categories in Outlook's list.
    /// </summary>
    public (Deadline Deadline, PromiseState State) Standing(TrackedMessage message, DateOnly today)
    {
        var deadline = Until(Stockholm.DayOf(message.ReceivedAt), message.PromisedDate ?? message.DueDate, today);
        var state = message.AnsweredAt is not null ? PromiseState.Answered
            : message.HandedOverAt is not null ? PromiseState.HandedOver
            : HasPromise(message.Category) && deadline.Overdue ? PromiseState.Overdue
            : message.PromisedDate is not null ? PromiseState.Acknowledged
            : PromiseState.Open;
        return (deadline, state);
    }

    public DateOnly DueDate(DateOnly receivedDate, MessageCategory category) => category switch
    {
        MessageCategory.DocumentRequest => calendar.SameOrNextWorkingDay(receivedDate),
        _ => calendar.AddWorkingDays(receivedDate, PromisedWorkingDays),
    };

    public Deadline For(DateTimeOffset receivedAt, MessageCategory category, DateOnly today)
    {
        var received = Stockholm.DayOf(receivedAt);
        var due = DueDate(received, category);
        return Until(received, due, today);
    }

    public Deadline Until(DateOnly received, DateOnly due, DateOnly today) =>
        new(received, due, calendar.WorkingDaysBetween(today, due), today > due);
}
