using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// Which mailboxes' mail is a unit's: an official's own mailbox is their unit's (<see cref="Official.UnitId"/>); a function
/// mailbox is the unit most of its watchers belong to, a tie going to the unit first by name — so each mail counts in
/// one unit only.
/// </summary>
public static class ReportUnits
{
    /// <summary>The unit a function mailbox's mail counts in; null when none of its watchers belongs to a unit.</summary>
    public static string? OfFunctionMailbox(IEnumerable<string> watchers, IReadOnlyDictionary<string, string> unitOf) =>
        watchers.Select(w => unitOf.GetValueOrDefault(w.ToLowerInvariant())).OfType<string>()
            .GroupBy(u => u, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    /// <summary>The mailboxes (lower case) whose mail is the unit's.</summary>
    public static async Task<List<string>> MailboxesAsync(KontaktlofteDb db, Unit unit, CancellationToken cancel)
    {
        var members = await db.Officials.AsNoTracking().Where(o => o.UnitId == unit.Id).Select(o => o.Email).ToListAsync(cancel);
        var functionMailboxes = await db.Set<WatchedMailbox>().AsNoTracking().Select(m => new { m.Address, m.Watchers }).ToListAsync(cancel);
        var watchers = functionMailboxes.SelectMany(m => m.Watchers).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        var unitOf = await db.Officials.AsNoTracking().Where(o => watchers.Contains(o.Email) && o.Unit != null)
            .Select(o => new { o.Email, Unit = o.Unit!.Name }).ToDictionaryAsync(o => o.Email, o => o.Unit, cancel);
        return members.Concat(functionMailboxes.Where(m => OfFunctionMailbox(m.Watchers, unitOf) == unit.Name).Select(m => m.Address))
            .Select(a => a.ToLowerInvariant()).Distinct().ToList();
    }
}
