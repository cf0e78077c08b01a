using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>How much open citizen mail a mailbox holds today.</summary>
/// <param name="Open">Open: not answered, not handed over (acknowledged mail is still open).</param>
/// <param name="DueToday">Of those, due today (no working day left).</param>
/// <param name="Overdue">Of those, past their date.</param>
public sealed record OpenCount(int Open, int DueToday, int Overdue)
{
    public static readonly OpenCount None = new(0, 0, 0);
}

/// <summary>
/// Open citizen mail, one definition for the worklist and the unit head's coverage: a promise stands until the mail is
/// answered or handed over (the promise then follows the forward to its new mailbox).
/// </summary>
public static class OpenMail
{
    /// <summary>
    /// The open mail of these mailboxes. Internal and automatic mail is never answered: left in the query it would grow
    /// with every mail ever tracked.
    /// </summary>
    public static IQueryable<TrackedMessage> In(IQueryable<TrackedMessage> messages, IReadOnlyCollection<string> mailboxes) =>
        Of(messages.Where(m => mailboxes.Contains(m.Mailbox)));

    /// <summary>The open mail among these messages (of the mailboxes the caller chose).</summary>
    public static IQueryable<TrackedMessage> Of(IQueryable<TrackedMessage> messages) =>
        messages.Where(m => m.AnsweredAt == null && m.HandedOverAt == null && DueDates.Promised.Contains(m.Category));

    /// <summary>
    /// What a list of open mail shows and how it stands, read without the rest of the row (the receipts' ids, the labels, the
    /// notes): a worklist of many rows reads a third of the columns, and no JSON (README, Load).
    /// </summary>
    public static IQueryable<TrackedMessage> Listed(IQueryable<TrackedMessage> open) => open.Select(m => new TrackedMessage
    {
        Id = m.Id, Mailbox = m.Mailbox, Language = m.Language, ReceivedAt = m.ReceivedAt, Category = m.Category, DueDate = m.DueDate,
        PromisedDate = m.PromisedDate, AnsweredAt = m.AnsweredAt, HandedOverAt = m.HandedOverAt,
        ContactName = m.ContactName, ContactTitle = m.ContactTitle, ContactPhone = m.ContactPhone, ContactEmail = m.ContactEmail,
        CitizenName = m.CitizenName, CitizenAddress = m.CitizenAddress, Subject = m.Subject, WebLink = m.WebLink,
        HandedOverBy = m.HandedOverBy, HandedOverByName = m.HandedOverByName,
    });

    /// <summary>Counts open mail per mailbox as the worklist would show it today (<see cref="DueDates.Standing"/>).</summary>
    public static async Task<Dictionary<string, OpenCount>> CountAsync(IQueryable<TrackedMessage> messages, IReadOnlyCollection<string> mailboxes,
        DueDates dueDates, DateOnly today, CancellationToken cancel)
    {
        var open = await Listed(In(messages.AsNoTracking(), mailboxes)).ToListAsync(cancel);
        return open.GroupBy(m => m.Mailbox, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g =>
        {
            var standings = g.Select(m => dueDates.Standing(m, today)).ToList();
            return new OpenCount(standings.Count,
                standings.Count(s => s.State != PromiseState.Overdue && s.Deadline.WorkingDaysLeft == 0),
                standings.Count(s => s.State == PromiseState.Overdue));
        }, StringComparer.OrdinalIgnoreCase);
    }
}
