using System.Security.Claims;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// Gathers a unit's coverage: the members from the directory (one paged call), every automatic reply in calls of up to
/// 100 addresses (mail tips), never one call per member; open mail and covers from the database.
/// </summary>
internal sealed class UnitCoverageReader(IDirectory directory, KontaktlofteDb db, DueDates dueDates, TimeProvider clock,
    IOptions<OrganisationOptions> organisation)
{
    public async Task<UnitCoverage> ReadAsync(ClaimsPrincipal user, string head, CancellationToken cancel)
    {
        var members = await directory.DirectReportsAsync(user, cancel);
        var unit = UnitMailboxes.People(head, members.Select(m => m.Email));
        // The unit's function mailboxes: those the head or a member watches (the table is small: one row per mailbox).
        var mailboxes = (await db.Set<WatchedMailbox>().AsNoTracking().ToListAsync(cancel))
            .Where(m => UnitMailboxes.IsTheUnits(m, unit)).OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
        // A watcher outside the members (the head, a colleague elsewhere) is asked in the same calls.
        var asked = members.Select(m => m.Email).Concat(mailboxes.SelectMany(m => m.Watchers))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var replies = asked.Count == 0 ? [] : await directory.AutomaticRepliesAsync(user, asked, cancel);
        var replyOf = replies.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var counts = await OpenMail.CountAsync(db.Messages, [.. members.Select(m => m.Email), .. mailboxes.Select(m => m.Address)], dueDates, today, cancel);
        var covers = await db.Covers.AsNoTracking().Where(c => c.To >= today).ToDictionaryAsync(c => c.Member, StringComparer.OrdinalIgnoreCase, cancel);

        bool Away(string email) => replyOf.TryGetValue(email, out var reply) && CoverageRules.IsAway(reply, now);
        bool CoveredToday(string email) => covers.TryGetValue(email, out var c) && CoverageRules.CoversOn(c.From, c.To, today);

        var rows = members.Select(member =>
        {
            var reply = replyOf.GetValueOrDefault(member.Email) ?? new AutomaticReply(member.Email, false, null, null, null);
            var namesContact = reply.Enabled && CoverageRules.NamesContact(reply.Message, member.Email, members, organisation.Value.IsInternalAddress);
            var problems = CoverageRules.Problems(reply, namesContact);
            var count = counts.GetValueOrDefault(member.Email) ?? OpenCount.None;
            var away = CoverageRules.IsAway(reply, now);
            var gap = CoverageRules.IsGap(away, count.Open, CoveredToday(member.Email));
            var cover = covers.GetValueOrDefault(member.Email) is { } c
                ? new CoverStatus(c.CoverEmail, c.CoverName, c.CoverEmail, c.From, c.To, CoverageRules.CoversOn(c.From, c.To, today)) : null;
            return new MemberCoverage(member.Email, member.Name, member.Email,
                new AutoReplyStatus(reply.Enabled, reply.Start, reply.End, namesContact, away, problems), cover,
                count.Open, count.DueToday, count.Overdue, gap, [.. gap ? [CoverageRules.Gap] : Array.Empty<string>(), .. problems]);
        });
        var ordered = CoverageRules.InOrder(rows, m => m.Flagged, m => m.Overdue, m => m.Name).ToList();

        var functionMailboxes = mailboxes.Select(m =>
        {
            var count = counts.GetValueOrDefault(m.Address) ?? OpenCount.None;
            return new FunctionMailboxCoverage(m.Address, m.Watchers,
                CoverageRules.WatchedNow(m.Watchers.Select(w => (Away(w), CoveredToday(w)))), count.Open, count.DueToday, count.Overdue);
        }).ToList();
        return new UnitCoverage(ordered, functionMailboxes);
    }
}
