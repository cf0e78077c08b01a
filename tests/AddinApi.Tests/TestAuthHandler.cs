using System.Security.Claims;
using System.Text.Encodings.Web;
using Kontaktlofte.AddinApi.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Tests;

/// <summary>
/// Test identity: no <c>X-Test-Roles</c> header means not signed in (401); the header lists app roles;
/// <c>X-Test-Scope</c> replaces the default <c>access_as_user</c> scope.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string RolesHeader = "X-Test-Roles";
    public const string ScopeHeader = "X-Test-Scope";
    public const string EmailHeader = "X-Test-Email";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RolesHeader, out var roles)) return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity(SchemeName, KontaktlofteClaims.Name, KontaktlofteClaims.Role);
        identity.AddClaim(new(KontaktlofteClaims.Name, "Test Testsson"));
        identity.AddClaim(new(KontaktlofteClaims.Email,
            Request.Headers.TryGetValue(EmailHeader, out var email) ? email.ToString() : "test.testsson@botkyrka.se"));
        var scope = Request.Headers.TryGetValue(ScopeHeader, out var s) ? s.ToString() : KontaktlofteClaims.ApiScope;
        identity.AddClaim(new(KontaktlofteClaims.Scope, scope));
        foreach (var role in roles.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
            identity.AddClaim(new(KontaktlofteClaims.Role, role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
