using System.Security.Claims;
using Kontaktlofte.AddinApi.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Auth;

/// <summary>The signed-in official, as the add-in shows them and uses them as default contact person.</summary>
/// <param name="Email">Sign-in name (UPN).</param>
/// <param name="Name">Display name.</param>
/// <param name="Title">Job title, when known.</param>
/// <param name="Phone">Work phone, when known.</param>
/// <param name="Roles">App roles: Handlaggare, Registrator, Enhetschef.</param>
public sealed record CurrentOfficial(string Email, string Name, string Title, string Phone, IReadOnlyList<string> Roles);

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe)
            .WithName("GetMe")
            .WithSummary("Den inloggade tjänstepersonen")
            .WithTags("Identitet")
            .RequireAuthorization(Policies.Official);
        return app;
    }

    private static async Task<Ok<CurrentOfficial>> GetMe(ClaimsPrincipal user, KontaktlofteDb db, CancellationToken cancel) =>
        TypedResults.Ok(await LookUpAsync(user, db, cancel));

    /// <summary>The signed-in official: the directory's details where the database has them, else the token's.</summary>
    public static async Task<CurrentOfficial> LookUpAsync(ClaimsPrincipal user, KontaktlofteDb db, CancellationToken cancel)
    {
        var email = (user.FindFirstValue(KontaktlofteClaims.Email) ?? "").ToLowerInvariant(); // stored in lower case
        var official = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Email == email, cancel);
        return new CurrentOfficial(
            email,
            official?.Name ?? user.FindFirstValue(KontaktlofteClaims.Name) ?? email,
            official?.Title ?? "",
            official?.Phone ?? "",
            user.FindAll(KontaktlofteClaims.Role).Select(c => c.Value).ToList());
    }
}
