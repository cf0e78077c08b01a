using System.Linq.Expressions;
using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Audit;

/// <summary>
/// Who reads which lines of the audit log, decided here only. An official (Handlaggare): the lines where they acted. A
/// registrar (Registrator) also: every registration and registration request. A unit head (Enhetschef) also: the lines of
/// the unit's people (the head and the direct reports, as the coverage view counts them), the covers set for them, and the
/// watcher's lines for the unit's function mailboxes (those the unit's people watch). Nobody reads anything else.
/// </summary>
/// <param name="Email">The reader's sign-in name, lower case.</param>
/// <param name="Registrar">Reads every registration line.</param>
/// <param name="People">The unit's people (empty unless a unit head), as the directory and lower case spell them.</param>
/// <param name="FunctionMailboxes">The unit's function mailboxes (empty unless a unit head).</param>
internal sealed record AuditReader(string Email, bool Registrar, IReadOnlyList<string> People, IReadOnlyList<string> FunctionMailboxes)
{
    private static readonly string[] RegistrationActions = ["registration.", "registration-request."];

    public static async Task<AuditReader> OfAsync(ClaimsPrincipal user, SignedInOfficial me, IDirectory directory, KontaktlofteDb db, CancellationToken cancel)
    {
        var email = me.Email; // from the token, as the worklist: no read of the official
        var registrar = user.IsInRole(Roles.Registrator);
        if (!user.IsInRole(Roles.Enhetschef)) return new(email, registrar, [], []);
        var people = UnitMailboxes.People(email, (await directory.DirectReportsAsync(user, cancel)).Select(p => p.Email));
        var mailboxes = (await db.Set<WatchedMailbox>().AsNoTracking().ToListAsync(cancel))
            .Where(m => UnitMailboxes.IsTheUnits(m, people)).Select(m => AuditLog.AddressKey(m.Address)).ToList();
        // Lines keep a sign-in name as it was written (lower case); a cover's target as the directory spelled it.
        return new(email, registrar, people.SelectMany(p => new[] { p, p.ToLowerInvariant() }).Distinct(StringComparer.Ordinal).ToList(), mailboxes);
    }

    /// <summary>The lines this reader may see, as one SQL condition.</summary>
    public Expression<Func<AuditEvent, bool>> MaySee()
    {
        var (email, registrar, people, mailboxes) = (Email, Registrar, People, FunctionMailboxes);
        var (registration, request) = (RegistrationActions[0], RegistrationActions[1]);
        return a => a.Actor == email
                    || (registrar && (a.Action.StartsWith(registration) || a.Action.StartsWith(request)))
                    || people.Contains(a.Actor)
                    || (a.Action.StartsWith("cover.") && people.Contains(a.Target))
                    || (a.Actor == AuditLog.Watcher && mailboxes.Contains(a.Target));
    }
}
