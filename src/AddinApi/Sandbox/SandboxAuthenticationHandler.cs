using System.Security.Claims;
using System.Text.Encodings.Web;
using Kontaktlofte.AddinApi.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// Local identity for sandbox mode: the user is chosen with the <c>X-Sandbox-User</c> header, and a request
/// without it is the first seeded user. Registered only when no Entra tenant is configured, and only in
/// Development or Sandbox (see <see cref="IdentityExtensions"/>).
/// </summary>
public sealed class SandboxAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Sandbox";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var requested = Request.Headers[SandboxUsers.Header].ToString();
        var user = string.IsNullOrWhiteSpace(requested) ? SandboxUsers.All[0] : SandboxUsers.Find(requested);
        if (user is null)
            return Task.FromResult(AuthenticateResult.Fail($"Okänd sandlådeanvändare i {SandboxUsers.Header}."));

        var identity = new ClaimsIdentity(SchemeName, KontaktlofteClaims.Name, KontaktlofteClaims.Role);
        identity.AddClaim(new(KontaktlofteClaims.Name, user.Name));
        identity.AddClaim(new(KontaktlofteClaims.Email, user.Email));
        identity.AddClaim(new(KontaktlofteClaims.Scope, KontaktlofteClaims.ApiScope));
        foreach (var role in user.Roles) identity.AddClaim(new(KontaktlofteClaims.Role, role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
