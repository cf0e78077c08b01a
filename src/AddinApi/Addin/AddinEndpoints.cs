using Kontaktlofte.AddinApi.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Addin;

/// <summary>What the add-in needs before sign-in: which Entra app and scope to ask NAA for. Public knowledge.</summary>
/// <param name="ClientId">The Entra app's client id (empty in the sandbox).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ApiScope">The API's delegated scope, api://…/access_as_user.</param>
/// <param name="Sandbox">True when the API runs the sandbox identity.</param>
public sealed record AddinConfig(string ClientId, string TenantId, string ApiScope, bool Sandbox);

public static class AddinEndpoints
{
    /// <summary>
    /// Serves the add-in's files (built from addin/ into wwwroot/addin), its configuration, and in sandbox mode the
    /// Outlook-like sandbox page (served by <c>Sandbox/</c> at the root).
    /// </summary>
    public static WebApplication MapAddin(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapGet("/addin/config.json", (IConfiguration configuration) =>
        {
            var clientId = configuration["AzureAd:ClientId"] ?? "";
            return TypedResults.Ok(new AddinConfig(clientId, configuration["AzureAd:TenantId"] ?? "",
                // The scope is named by the App ID URI whichever token version Entra issues (the token's audience is not).
                clientId.Length > 0 ? $"{configuration["Addin:AppIdUri"] ?? $"api://{clientId}"}/{KontaktlofteClaims.ApiScope}" : "",
                !configuration.UsesEntraId()));
        }).AllowAnonymous().WithName("GetAddinConfig").WithTags("Tillägget").WithSummary("Tilläggets inställningar för inloggning");
        // The unit head's coverage outside Outlook: a page, open as the add-in's files are; its data needs the Enhetschef
        // role. Served at /coverage itself (not redirected): Entra's SPA redirect URI is https://<host>/coverage.
        app.MapGet("/coverage", ServeCoveragePage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Results<PhysicalFileHttpResult, NotFound> ServeCoveragePage(IWebHostEnvironment environment, HttpContext http)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("addin/coverage.html");
        if (!page.Exists || page.PhysicalPath is null) return TypedResults.NotFound();
        // Always the newest page: it names the bundle, and a cached one could ask for a bundle that is gone.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
    }
}
