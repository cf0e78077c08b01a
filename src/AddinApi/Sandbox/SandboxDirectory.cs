using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Directory;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The directory in sandbox mode: a small seeded organisation — the three sandbox users, their colleagues and people
/// in other units who have never used the product — with units, a unit head and one automatic reply.
/// </summary>
internal sealed class SandboxDirectory(TimeProvider clock) : IDirectory
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
        // Per Holm is on leave this week, whenever the sandbox is started.
        var now = clock.GetUtcNow();
        IReadOnlyList<AutomaticReply> replies = addresses.Select(address => address.Equals("per.holm@sandbox.botkyrka.se", StringComparison.OrdinalIgnoreCase)
            ? new AutomaticReply(address, true, "Jag är ledig och läser inte min e-post. Kontakta Sofia Ahmed, 08-530 612 78, eller Kontaktcenter, 08-530 610 00.",
                now.AddDays(-2), now.AddDays(5))
            : new AutomaticReply(address, false, null, null, null)).ToList();
        return Task.FromResult(replies);
    }

    private static SandboxUser? Find(string? email) =>
        email is null ? null : Everyone.FirstOrDefault(p => p.Email.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Person ToPerson(SandboxUser p) => new(p.Name, p.Title, p.Phone, p.Email, p.Unit);
}
