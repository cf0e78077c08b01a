using System.Collections.Concurrent;
using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Organisation;

/// <summary>
/// When the directory was last asked for an official's department. The unit is kept current by asking at most once a day
/// per official (the first request of the day after the last look), not on every request: Graph's /me is one call, and a
/// move between units is rare. In memory: a restarted API asks each official once more, which is how officials who
/// signed in before units were read get theirs.
/// </summary>
internal sealed class DirectoryVisits(TimeProvider clock)
{
    /// <summary>How long a department read from the directory is trusted.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    /// <summary>After a failed look (Graph or the token service away): soon again, yet not on every request.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

    public bool Due(string email) => !_due.TryGetValue(email, out var due) || clock.GetUtcNow() >= due;

    public void Looked(string email, bool failed = false) => _due[email] = clock.GetUtcNow() + (failed ? Retry : Interval);
}

internal static class OfficialUnits
{
    /// <summary>
    /// The unit the directory's department (Entra's <c>department</c>) names, made the first time it is seen: the promise
    /// report counts per unit. Null for an empty department, or one too long to be a unit's name.
    /// </summary>
    public static async Task<Unit?> OfDepartmentAsync(KontaktlofteDb db, string department, CancellationToken cancel)
    {
        if (department.Trim() is not { Length: > 0 and <= 200 } name) return null;
        return await db.Units.Where(u => u.Name == name).OrderBy(u => u.Id).FirstOrDefaultAsync(cancel) ?? new Unit { Name = name };
    }
}
