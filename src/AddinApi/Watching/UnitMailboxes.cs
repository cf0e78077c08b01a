namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// Which function mailboxes are a unit's: those the head or one of the head's direct reports watches. The same rule for
/// the coverage view and for the list a head sees (<c>GET /api/mailboxes</c>), so that both show the same mailboxes.
/// </summary>
public static class UnitMailboxes
{
    /// <summary>The unit's people: the head and the direct reports, compared without case.</summary>
    public static HashSet<string> People(string head, IEnumerable<string> members) =>
        members.Append(head).Select(m => m.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when one of the unit's people watches the mailbox.</summary>
    public static bool IsTheUnits(WatchedMailbox mailbox, IReadOnlySet<string> people) => mailbox.Watchers.Any(people.Contains);
}
