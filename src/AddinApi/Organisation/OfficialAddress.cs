using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Kontaktlofte.AddinApi.Organisation;

/// <summary>
/// Makes sure every signed-in official has an e-mail address in <see cref="KontaktlofteClaims.Email"/>, whatever token
/// version the tenant issues: v2.0 access tokens carry <c>preferred_username</c>, v1.0 tokens do not and carry
/// <c>upn</c> and <c>unique_name</c> instead (guests: <c>email</c>, <c>unique_name</c> as <c>live.com#…</c>). When no claim
/// holds an address, Graph <c>/me</c> answers (<c>mail</c>, else <c>userPrincipalName</c>), once an hour per user.
/// Without this, a v1.0 token left the address empty and every one-click receipt was refused for want of a contact e-mail.
/// </summary>
internal sealed class OfficialAddress(IDirectory directory, IMemoryCache cache, ILogger<OfficialAddress> log) : IClaimsTransformation
{
    /// <summary>Where an address may be, in the order they are trusted.</summary>
    public static readonly string[] AddressClaims = ["preferred_username", "upn", "email", "unique_name"];

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirst(KontaktlofteClaims.Email) is not null) return principal;
        var address = FromClaims(principal) ?? await FromDirectoryAsync(principal);
        if (address is null) return principal;
        var identity = new ClaimsIdentity(principal.Identity);
        identity.AddClaim(new Claim(KontaktlofteClaims.Email, address));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The first claim that holds an e-mail address; a guest's <c>live.com#</c> prefix goes.</summary>
    public static string? FromClaims(ClaimsPrincipal principal) => AddressClaims
        .SelectMany(type => principal.FindAll(type))
        .Select(claim => claim.Value[(claim.Value.LastIndexOf('#') + 1)..].Trim())
        .FirstOrDefault(value => MailAddressShape(value));

    private static bool MailAddressShape(string value) =>
        value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1 && !value.Contains(' ', StringComparison.Ordinal);

    private async Task<string?> FromDirectoryAsync(ClaimsPrincipal principal)
    {
        var user = principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub");
        if (user is null) return null;
        if (cache.TryGetValue($"official-address:{user}", out string? known)) return known;
        try
        {
            var me = await directory.MeAsync(principal, CancellationToken.None);
            var address = me?.Email is { Length: > 0 } email ? email : null;
            cache.Set($"official-address:{user}", address, TimeSpan.FromHours(1));
            return address;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Graph away: the request goes on without an address (and says so where one is needed); asked again next time.
            log.LogWarning("Adressen för en inloggad tjänsteperson kunde inte hämtas från katalogen: {Error}", error.GetType().Name);
            return null;
        }
    }
}
