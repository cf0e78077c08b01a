using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Organisation;

/// <summary>
/// Makes sure every signed-in official has an e-mail address in <see cref="KontaktlofteClaims.Email"/>, whatever token
/// version the tenant issues: v2.0 access tokens carry <c>preferred_username</c>, v1.0 tokens do not and carry
/// <c>upn</c> and <c>unique_name</c> instead (guests: <c>email</c>, <c>unique_name</c> as <c>live.com#…</c>). When no claim
/// holds an address, Graph <c>/me</c> answers (<c>mail</c>, else <c>userPrincipalName</c>), once an hour per user.
/// Without this, a v1.0 token left the address empty and every one-click receipt was refused for want of a contact e-mail.
/// The address says whose mailbox and receipts are whose, so only what the tenant vouches for is taken from a claim:
/// <c>upn</c> as it stands, <c>email</c> and <c>unique_name</c> (which a user or a guest's home tenant may set) only in
/// the municipality's own domains; anything else is asked of Graph.
/// </summary>
internal sealed class OfficialAddress(IDirectory directory, IMemoryCache cache, IOptions<OrganisationOptions> organisation,
    ILogger<OfficialAddress> log) : IClaimsTransformation
{
    private static readonly TimeSpan DirectoryTimeout = TimeSpan.FromSeconds(10);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirst(KontaktlofteClaims.Email) is not null) return principal;
        var address = FromClaims(principal, organisation.Value) ?? await FromDirectoryAsync(principal);
        if (address is null) return principal;
        var identity = new ClaimsIdentity(principal.Identity);
        identity.AddClaim(new Claim(KontaktlofteClaims.Email, address));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The first claim the tenant vouches for that holds an e-mail address; a guest's <c>live.com#</c> prefix goes.</summary>
    public static string? FromClaims(ClaimsPrincipal principal, OrganisationOptions org) =>
        principal.FindAll("upn").Select(c => c.Value.Trim()).FirstOrDefault(MailAddressShape)
        ?? principal.FindAll("email").Concat(principal.FindAll("unique_name"))
            .Select(claim => claim.Value[(claim.Value.LastIndexOf('#') + 1)..].Trim())
            .FirstOrDefault(value => MailAddressShape(value) && org.IsInternalAddress(value));

    private static bool MailAddressShape(string value) =>
        value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1 && !value.Contains(' ', StringComparison.Ordinal);

    private async Task<string?> FromDirectoryAsync(ClaimsPrincipal principal)
    {
        // Only a user who called the API as the add-in does may cost a Graph call: a token for another scope gets nothing.
        var delegated = principal.FindAll(KontaktlofteClaims.Scope).SelectMany(c => c.Value.Split(' ')).Contains(KontaktlofteClaims.ApiScope);
        var user = principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub");
        if (!delegated || user is null) return null;
        if (cache.TryGetValue($"official-address:{user}", out string? known)) return known;
        using var timeout = new CancellationTokenSource(DirectoryTimeout);
        try
        {
            var me = await directory.MeAsync(principal, timeout.Token);
            var address = me?.Email is { Length: > 0 } email ? email : null;
            cache.Set($"official-address:{user}", address, TimeSpan.FromHours(1));
            return address;
        }
        catch (Exception error)
        {
            // Graph away: the request goes on without an address (what needs one says so); asked again in a minute, not
            // at every call of every request meanwhile.
            log.LogWarning("Adressen för en inloggad tjänsteperson kunde inte hämtas från katalogen: {Error}", error.GetType().Name);
            cache.Set($"official-address:{user}", (string?)null, TimeSpan.FromMinutes(1));
            return null;
        }
    }
}
