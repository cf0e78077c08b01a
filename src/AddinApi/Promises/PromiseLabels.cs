namespace Kontaktlofte.AddinApi.Promises;

/// <summary>
/// The promise in Outlook's own message list: exactly one of these master categories on each tracked citizen mail
/// (design.md, Watched mailboxes), so that the list shows what is due without opening anything.
/// </summary>
public static class PromiseLabels
{
    public const string Overdue = "Kontaktlöfte: försenat";
    public const string DueToday = "Kontaktlöfte: svara i dag";
    public const string Open = "Kontaktlöfte: öppet";
    public const string Acknowledged = "Kontaktlöfte: bekräftat";
    public const string Answered = "Kontaktlöfte: besvarat";

    /// <summary>The master categories with Outlook's colour presets: red, orange, yellow, blue, green.</summary>
    public static readonly IReadOnlyList<(string Name, string Color)> All =
    [
        (Overdue, "preset0"), (DueToday, "preset1"), (Open, "preset3"), (Acknowledged, "preset7"), (Answered, "preset4"),
    ];

    public static bool IsOurs(string category) => All.Any(l => l.Name.Equals(category, StringComparison.OrdinalIgnoreCase));

    /// <summary>The category a registered mail gets: <c>Registrerad KS/2026:00017</c>.</summary>
    public static string Registered(string caseNumber) => RegisteredPrefix + caseNumber;

    /// <summary>
    /// A registration's category is a fact, not the official's choice: the watcher keeps it even when the mailbox it read
    /// a moment ago did not show it yet (Graph replaces the whole list, so a label written from that read would drop it).
    /// </summary>
    public static bool IsRegistration(string category) => category.StartsWith(RegisteredPrefix, StringComparison.Ordinal);

    private const string RegisteredPrefix = "Registrerad ";

    /// <summary>
    /// The one label a promise stands at: answered, else overdue, else due today (its due date, or the date promised in a
    /// receipt, is today), else acknowledged, else open. Null for mail with no promise (internal, automatic).
    /// </summary>
    public static string? For(TrackedMessage message, DueDates dueDates, DateOnly today)
    {
        // A handed-over copy's promise is the new holder's; theirs carries the label.
        if (!DueDates.HasPromise(message.Category) || message.HandedOverAt is not null) return null;
        var (deadline, state) = dueDates.Standing(message, today);
        return state switch
        {
            PromiseState.Answered => Answered,
            PromiseState.Overdue => Overdue,
            _ when deadline.WorkingDaysLeft == 0 => DueToday,
            PromiseState.Acknowledged => Acknowledged,
            _ => Open,
        };
    }
}
