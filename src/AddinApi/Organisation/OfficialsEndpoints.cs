using Kontaktlofte.AddinApi.Auth;
using System.Security.Claims;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Organisation;

/// <summary>A colleague who can be named contact person.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Title">Job title.</param>
/// <param name="Phone">Work phone.</param>
/// <param name="Email">E-mail address.</param>
public sealed record Colleague(string Name, string Title, string Phone, string Email);

public static class OfficialsEndpoints
{
    public const int MaxResults = 20;

    public static IEndpointRouteBuilder MapOfficials(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/officials", Search)
            .WithName("SearchOfficials")
            .WithSummary("Sök kollegor att ange som kontaktperson")
            .WithTags("Identitet")
            .RequireAuthorization(Policies.Official);
        return app;
    }

    /// <param name="search">Part of a name or an e-mail address; at least two characters.</param>
    /// <param name="user">The signed-in official.</param>
    /// <param name="directory">The organisation's directory.</param>
    /// <param name="cancel">Cancellation.</param>
    private static async Task<Ok<List<Colleague>>> Search(string? search, ClaimsPrincipal user, IDirectory directory, CancellationToken cancel)
    {
        // The whole organisation's directory, not only officials who have used the product.
        var text = (search ?? "").Trim();
        if (text.Length < 2) return TypedResults.Ok(new List<Colleague>());
        var found = await directory.SearchAsync(user, text.Length > 100 ? text[..100] : text, MaxResults, cancel);
        return TypedResults.Ok(found.Select(p => new Colleague(p.Name, p.Title, p.Phone, p.Email)).ToList());
    }
}
