using Kontaktlofte.AddinApi.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;

namespace Kontaktlofte.AddinApi.Auth;

public static class IdentityExtensions
{
    /// <summary>True when an Entra tenant is configured: then only real bearer tokens are accepted.</summary>
    public static bool UsesEntraId(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    /// <summary>
    /// Entra ID (Microsoft.Identity.Web) when <c>AzureAd</c> is configured; without it the sandbox brings its own
    /// identity (<c>Sandbox/SandboxMode</c>), which refuses to start anywhere but Development or Sandbox.
    /// </summary>
    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        var entra = builder.Configuration.UsesEntraId();
        if (entra)
        {
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(jwt =>
                {
                    builder.Configuration.Bind("AzureAd", jwt);
                    // Keep the token's own claim names: roles in "roles", scopes in "scp".
                    jwt.MapInboundClaims = false;
                    jwt.TokenValidationParameters.RoleClaimType = KontaktlofteClaims.Role;
                    jwt.TokenValidationParameters.NameClaimType = KontaktlofteClaims.Name;
                }, identity => builder.Configuration.Bind("AzureAd", identity))
                // On behalf of the user to Microsoft Graph (needs AzureAd:ClientCredentials; AzureAd:ClientCapabilities
                // ["cp1"] when continuous access evaluation is on). The long-running sessions the outbox sends with live in
                // the token cache, so the cache is the database: a restart or another instance continues the session.
                .EnableTokenAcquisitionToCallDownstreamApi(client => builder.Configuration.Bind("AzureAd", client))
                .AddDistributedTokenCaches();
            builder.Services.AddSingleton<IDistributedCache, DatabaseCache>();
            builder.Services.Configure<MsalDistributedTokenCacheAdapterOptions>(cache =>
            {
                // Refresh tokens at rest are encrypted with the key ring, which is in the database too (shared by instances).
                cache.Encrypt = true;
                // Every instance reads the one cache: no copy in memory that another instance's refresh would leave stale.
                cache.DisableL1Cache = true;
                // A session unused for a day is gone: the outbox gives up on a receipt long before (about five hours).
                cache.SlidingExpiration = TimeSpan.FromDays(1);
            });
            builder.Services.AddDataProtection().SetApplicationName("Kontaktlofte").PersistKeysToDbContext<KontaktlofteDb>();
        }

        builder.Services.AddAuthorizationBuilder()
            // Anything that forgets to name a policy still needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Official, p => p.RequireApiScope().RequireRole(Roles.Handlaggare))
            .AddPolicy(Policies.Registrar, p => p.RequireApiScope().RequireRole(Roles.Registrator))
            .AddPolicy(Policies.UnitHead, p => p.RequireApiScope().RequireRole(Roles.Enhetschef));
        return builder;
    }

    /// <summary>The delegated scope the add-in asks NAA for: <c>api://…/access_as_user</c>.</summary>
    private static AuthorizationPolicyBuilder RequireApiScope(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => context.User
            .FindAll(KontaktlofteClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(KontaktlofteClaims.ApiScope, StringComparer.Ordinal));
}
