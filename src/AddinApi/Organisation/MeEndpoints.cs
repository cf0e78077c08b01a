using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Organisation;

/// <summary>The signed-in official, as the add-in shows them and uses them as default contact person.</summary>
/// <param name="Email">Sign-in name (UPN).</param>
/// <param name="Name">Display name.</param>
/// <param name="Title">Job title, when known.</param>
/// <param name="Phone">Work phone, when known.</param>
/// <param name="Roles">App roles: Handlaggare, Registrator, Enhetschef.</param>
public sealed record CurrentOfficial(string Email, string Name, string Title, string Phone, IReadOnlyList<string> Roles)
{
    /// <summary>Whether new mail in the official's own Inbox is tracked when it arrives (they may turn it off).</summary>
    public bool WatchOwnMailbox { get; init; } = true;
}

/// <summary>The official's choice: whether the watcher follows their own mailbox.</summary>
/// <param name="Watched">true: new citizen mail gets a due date and a category when it arrives; false: only mail opened in the pane.</param>
public sealed record WatchingChoice(bool? Watched);

public static class MeEndpoints
{
    private static async Task<Results<Ok<WatchingChoice>, ValidationProblem>> SetWatchingAsync(WatchingChoice? choice, SignedInOfficial me,
        ClaimsPrincipal user, KontaktlofteDb db, CancellationToken cancel)
    {
        if (choice?.Watched is not { } watched) return Problems.Invalid.Field("watched", "Ange watched: true eller false.");
        var official = await me.GetAsync(cancel);
        var row = await db.Officials.FirstOrDefaultAsync(o => o.Email == official.Email, cancel);
        if (row is null)
            // The directory was away at sign-in: the choice is kept all the same, under the token's name.
            db.Officials.Add(row = new Official { Email = official.Email, Name = official.Name });
        row.WatchOwnMailbox = watched;
        await db.SaveChangesAsync(cancel);
        return TypedResults.Ok(new WatchingChoice(watched));
    }

    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", async (SignedInOfficial me, CancellationToken cancel) => TypedResults.Ok(await me.GetAsync(cancel)))
            .WithName("GetMe")
            .WithSummary("Den inloggade tjänstepersonen")
            .WithTags("Identitet")
            .RequireAuthorization(Policies.Official);
        app.MapPut("/api/me/watching", SetWatchingAsync)
            .WithName("SetWatching")
            .WithSummary("Bevaka min egen inkorg, eller sluta")
            .WithDescription("Av: bara mejl du öppnar i fönstret får svarsdatum och kategori; det som redan följs ligger kvar tills det är besvarat.")
            .WithTags("Identitet")
            .RequireAuthorization(Policies.Official);
        return app;
    }
}

/// <summary>
/// The signed-in official of this request, looked up once (as TodoApi's CurrentUser): their row in the database,
/// filled from the directory (Graph /me) the first time they are seen, so that receipts carry their title and
/// phone; the token's name where neither knows more. Their unit follows the directory's department, looked at once a
/// day (<see cref="DirectoryVisits"/>).
/// </summary>
internal sealed class SignedInOfficial(IHttpContextAccessor http, KontaktlofteDb db, IDirectory directory, DirectoryVisits visits)
{
    private CurrentOfficial? _official;

    /// <summary>The signed-in official's address from the token, in lower case as stored; no database read.</summary>
    public string Email => EmailOf(User);

    private static string EmailOf(ClaimsPrincipal user) => (user.FindFirstValue(KontaktlofteClaims.Email) ?? "").ToLowerInvariant();

    private ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("No request: no signed-in official.");

    public async Task<CurrentOfficial> GetAsync(CancellationToken cancel) =>
        _official ??= await LookUpAsync(User, cancel);

    private async Task<CurrentOfficial> LookUpAsync(ClaimsPrincipal user, CancellationToken cancel)
    {
        var email = EmailOf(user);
        var official = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Email == email, cancel);
        if (official is null) official = await RememberAsync(user, email, cancel);
        else if (visits.Due(email)) await KeepUnitCurrentAsync(user, official, cancel);
        return new CurrentOfficial(
            email,
            official?.Name ?? user.FindFirstValue(KontaktlofteClaims.Name) ?? email,
            official?.Title ?? "",
            official?.Phone ?? "",
            user.FindAll(KontaktlofteClaims.Role).Select(c => c.Value).ToList()) { WatchOwnMailbox = official?.WatchOwnMailbox ?? true };
    }

    private async Task<Official?> RememberAsync(ClaimsPrincipal user, string email, CancellationToken cancel)
    {
        if (email.Length == 0) return null;
        Person? profile;
        try
        {
            profile = await directory.MeAsync(user, cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Graph or the token service may be away: the token's name serves for now, the directory is asked next time.
            return null;
        }
        if (profile is null) return null;
        visits.Looked(email);
        var official = new Official { Email = email, Name = profile.Name, Title = profile.Title, Phone = profile.Phone };
        official.Unit = await OfficialUnits.OfDepartmentAsync(db, profile.Department, cancel);
        db.Officials.Add(official);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            db.Entry(official).State = EntityState.Detached; // stored by a parallel request
        }
        return official;
    }

    /// <summary>
    /// An official stored before units were read from the directory gets theirs, and one who moved gets the new one.
    /// A department the directory does not give (empty) keeps the stored unit: a gap in the directory is no move.
    /// </summary>
    private async Task KeepUnitCurrentAsync(ClaimsPrincipal user, Official official, CancellationToken cancel)
    {
        Person? profile;
        try
        {
            profile = await directory.MeAsync(user, cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            visits.Looked(official.Email, failed: true);
            return;
        }
        visits.Looked(official.Email);
        if (profile is null || await OfficialUnits.OfDepartmentAsync(db, profile.Department, cancel) is not { } unit) return;
        if (unit.Id != 0 && unit.Id == official.UnitId) return;
        var row = await db.Officials.FirstAsync(o => o.Id == official.Id, cancel);
        row.Unit = unit;
        try
        {
            await db.SaveChangesAsync(cancel);
            official.UnitId = row.UnitId;
        }
        catch (DbUpdateException)
        {
            // The same new unit made by a parallel request: it exists now, and is found on the next look.
            db.Entry(unit).State = EntityState.Detached;
            db.Entry(row).State = EntityState.Detached;
            visits.Looked(official.Email, failed: true);
        }
    }
}
