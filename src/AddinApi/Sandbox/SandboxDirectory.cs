using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Directory;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The directory in sandbox mode: a small seeded organisation — the three sandbox users, their colleagues and people
/// in other units who have never used the product — with units, a unit of nine under its head and their absences.
/// </summary>
internal sealed class SandboxDirectory(TimeProvider clock, SandboxAutomaticReplies own) : IDirectory
{
    private static IEnumerable<SandboxUser> Everyone => SandboxUsers.All.Concat(SandboxUsers.Colleagues).Concat(SandboxUsers.Organisation);

    public Task<Person?> MeAsync(ClaimsPrincipal user, CancellationToken cancel) =>
        Task.FromResult(Find(user.FindFirstValue(KontaktlofteClaims.Email)) is { } me ? ToPerson(me) : null);

    public Task<IReadOnlyList<Person>> SearchAsync(ClaimsPrincipal user, string text, int max, CancellationToken cancel)
    {
        // Like Graph's $search: every word of the query starts a word of the name, or starts the address.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlyList<Person> found = Everyone
            .Where(p => words.All(w => p.Name.Split(' ').Any(n => n.StartsWith(w, StringComparison.OrdinalIgnoreCase))) ||
                        p.Email.StartsWith(text.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Name, StringComparer.Ordinal).Take(max).Select(ToPerson).ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<Person>> DirectReportsAsync(ClaimsPrincipal user, CancellationToken cancel)
    {
        var me = Find(user.FindFirstValue(KontaktlofteClaims.Email));
        IReadOnlyList<Person> reports = me is null || !me.Roles.Contains(Roles.Enhetschef) ? []
            : Everyone.Where(p => p.Unit == me.Unit && p.Email != me.Email).Select(ToPerson).ToList();
        return Task.FromResult(reports);
    }

    public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesAsync(ClaimsPrincipal user, IReadOnlyList<string> addresses, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        // What an official set for themselves (SandboxOwnAutomaticReply) first: the mail tips agree with it, as Exchange's do.
        IReadOnlyList<AutomaticReply> replies = addresses.Select(address => own.Find(address) is { } set ? set.AsMailTip(address) : Absences(now).FirstOrDefault(a => a.Email.Equals(address, StringComparison.OrdinalIgnoreCase)) is { } away
            ? away with { Email = address }
            : new AutomaticReply(address, false, null, null, null)).ToList();
        return Task.FromResult(replies);
    }

    /// <summary>The sandbox keeps no sessions: read as within a request.</summary>
    public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesInBackgroundAsync(string? sessionKey, IReadOnlyList<string> addresses,
        CancellationToken cancel) => AutomaticRepliesAsync(new ClaimsPrincipal(), addresses, cancel);

    /// <summary>
    /// The unit's absences this week, whenever the sandbox is started: right replies (a colleague or Kontaktcenter named, an
    /// end date) and wrong ones (nobody named, no end date), and one planned for next week.
    /// </summary>
    private static IEnumerable<AutomaticReply> Absences(DateTimeOffset now) =>
    [
        // Covered by Sofia Ahmed (a recorded cover, SandboxSeed.SeedCoversAsync).
        new("per.holm@sandbox.botkyrka.se", true, "Jag är ledig och läser inte min e-post. Kontakta Sofia Ahmed, 08-530 612 78, eller Kontaktcenter, 08-530 610 00.",
            now.AddDays(-2), now.AddDays(5)),
        // Wrong twice: nobody to turn to, no end date; open and overdue mail and no cover.
        new("karin.nordstrom@sandbox.botkyrka.se", true, "<p>Hej! Jag är på semester och läser inte min e-post.</p><p>/Karin</p>", now.AddDays(-1), null),
        // Right, yet his mail waits: nobody is recorded to read it.
        new("tobias.wallin@sandbox.botkyrka.se", true,
            "<p>Jag är på utbildning och tillbaka på fredag.</p><p>Brådskande frågor om tillsyn: maja.eriksson@sandbox.botkyrka.se.</p>", now.AddDays(-1), now.AddDays(3)),
        // On without a schedule: refers to Kontaktcenter, but never says when she is back.
        new("lina.ohman@sandbox.botkyrka.se", true, "Jag är föräldraledig. Ring Kontaktcenter på 08 530 610 00.", null, null),
        // Planned for next week: on, not yet away.
        new("oskar.bergqvist@sandbox.botkyrka.se", true, "Jag är på semester. Kontakta Kontaktcenter, 08-530 610 00.", now.AddDays(7), now.AddDays(14)),
    ];

    private static SandboxUser? Find(string? email) =>
        email is null ? null : Everyone.FirstOrDefault(p => p.Email.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Person ToPerson(SandboxUser p) => new(p.Name, p.Title, p.Phone, p.Email, p.Unit);
}
