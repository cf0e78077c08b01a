using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
    /// <param name="db">The database.</param>
    /// <param name="cancel">Cancellation.</param>
    private static async Task<Ok<List<Colleague>>> Search(string? search, KontaktlofteDb db, CancellationToken cancel)
    {
        var text = (search ?? "").Trim().ToLowerInvariant();
        if (text.Length < 2) return TypedResults.Ok(new List<Colleague>());
        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var found = await db.Officials.AsNoTracking()
            .Where(o => EF.Functions.Like(o.Name, pattern, "\\") || EF.Functions.Like(o.Email, pattern, "\\"))
            .OrderBy(o => o.Name).Take(MaxResults)
            .Select(o => new Colleague(o.Name, o.Title, o.Phone, o.Email))
            .ToListAsync(cancel);
        return TypedResults.Ok(found);
    }
}
