using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>What a cover change needs, grouped (eShop's OrderServices).</summary>
internal sealed record CoverServices(SignedInOfficial Me, ClaimsPrincipal User, IDirectory Directory, KontaktlofteDb Db, TimeProvider Clock,
    IOptions<OrganisationOptions> Organisation);

public static class CoverageEndpoints
{
    public static WebApplicationBuilder AddCoverage(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UnitCoverageReader>();
        builder.Services.AddHeadDigests();
        return builder;
    }

    public static IEndpointRouteBuilder MapCoverage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units/mine").WithTags("Enhetschef").RequireAuthorization(Policies.UnitHead);
        group.MapGet("/coverage", GetAsync).WithName("GetUnitCoverage")
            .WithSummary("Enhetschef: vem som är borta, frånvaromeddelanden, ersättare och öppen post i enheten");
        group.MapPut("/members/{id}/cover", SetCoverAsync).WithName("SetMemberCover")
            .WithSummary("Enhetschef: vem som läser en medarbetares post under en period (null tar bort ersättaren)");
        return app;
    }

    private static async Task<Ok<UnitCoverage>> GetAsync(SignedInOfficial me, ClaimsPrincipal user, UnitCoverageReader reader, UnitHeads heads,
        KontaktlofteDb db, TimeProvider clock, CancellationToken cancel)
    {
        // A cover is kept only while it serves; the audit log keeps that it was set.
        var today = clock.Today();
        await db.Covers.Where(c => c.To < today).ExecuteDeleteAsync(cancel);
        var head = await me.GetAsync(cancel);
        var coverage = await reader.ReadAsync(user, head.Email, cancel);
        await heads.SeenAsync(user, head.Email, head.Name, coverage, cancel); // known to the Monday digest from now on
        return TypedResults.Ok(coverage);
    }

    private static async Task<Results<Ok<MemberCover>, ValidationProblem, ProblemHttpResult>> SetCoverAsync(string id, CoverRequest? request,
        [AsParameters] CoverServices services, CancellationToken cancel)
    {
        var head = (await services.Me.GetAsync(cancel)).Email;
        var members = await services.Directory.DirectReportsAsync(services.User, cancel);
        var memberId = Uri.UnescapeDataString(id).Trim().ToLowerInvariant();
        // 404, not 403: the head learns nothing of people outside the unit.
        if (members.FirstOrDefault(m => m.Email.Equals(memberId, StringComparison.OrdinalIgnoreCase)) is not { } member)
            return TypedResults.Problem($"{memberId} finns inte i din enhet.", statusCode: StatusCodes.Status404NotFound);
        if (request is null) return Invalid.Field("coverId", "Ange coverId, from och to (coverId null tar bort ersättaren).");
        if (request.CoverId is null) return TypedResults.Ok(await RemoveAsync(member, head, services, cancel));
        if (Check(request, member, members, head, services) is { } problem) return problem;
        return TypedResults.Ok(await RecordAsync(member, request, members, head, services, cancel));
    }

    private static async Task<MemberCover> RemoveAsync(Person member, string head, CoverServices services, CancellationToken cancel)
    {
        await services.Db.Covers.Where(c => c.Member == member.Email).ExecuteDeleteAsync(cancel);
        services.Db.Audit(services.Clock.GetUtcNow(), head, "cover.removed", Target(member.Email));
        await services.Db.SaveChangesAsync(cancel);
        return new MemberCover(member.Email, null);
    }

    /// <summary>Records the cover, replacing the member's earlier one, with its line in the audit log.</summary>
    private static async Task<MemberCover> RecordAsync(Person member, CoverRequest request, IReadOnlyList<Person> members, string head,
        CoverServices services, CancellationToken cancel)
    {
        var coverEmail = request.CoverId!.Trim().ToLowerInvariant();
        var coverName = coverEmail == head ? (await services.Me.GetAsync(cancel)).Name
            : members.First(m => m.Email.Equals(coverEmail, StringComparison.OrdinalIgnoreCase)).Name;
        var (from, to, now) = (request.From!.Value, request.To!.Value, services.Clock.GetUtcNow());
        var cover = await services.Db.Covers.FirstOrDefaultAsync(c => c.Member == member.Email, cancel)
                    ?? services.Db.Covers.Add(new Cover { Member = member.Email, CoverEmail = coverEmail, CoverName = coverName, SetBy = head }).Entity;
        (cover.CoverEmail, cover.CoverName, cover.From, cover.To, cover.SetBy, cover.SetAt) = (coverEmail, coverName, from, to, head, now);
        services.Db.Audit(now, head, "cover.set", Target(member.Email),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cover={coverEmail}; from={from:yyyy-MM-dd}; to={to:yyyy-MM-dd}"));
        await services.Db.SaveChangesAsync(cancel);
        return new MemberCover(member.Email,
            new CoverStatus(coverEmail, coverName, coverEmail, from, to, CoverageRules.CoversOn(from, to, services.Clock.Today())));
    }

    /// <summary>The cover must be someone who can read the mail: a colleague in the unit, or the head; and the period must hold.</summary>
    private static ValidationProblem? Check(CoverRequest request, Person member, IReadOnlyList<Person> members, string head, CoverServices services)
    {
        var cover = request.CoverId!.Trim().ToLowerInvariant();
        if (cover.Length == 0) return Invalid.Field("coverId", "Ange ersättarens id (e-postadress), eller null för att ta bort ersättaren.");
        if (cover == member.Email) return Invalid.Field("coverId", $"{member.Name} kan inte vara sin egen ersättare.");
        if (!services.Organisation.Value.IsInternalAddress(cover))
            return Invalid.Field("coverId", $"{cover} är ingen adress i kommunen. Ersättaren ska vara en medarbetare i enheten eller du själv.");
        if (cover != head && !members.Any(m => m.Email.Equals(cover, StringComparison.OrdinalIgnoreCase)))
            return Invalid.Field("coverId", $"{cover} finns inte i din enhet. Ersättaren ska vara en medarbetare i enheten eller du själv.");
        if (request.From is null) return Invalid.Field("from", "Ange from: första dagen ersättaren läser posten (åååå-mm-dd).");
        if (request.To is null) return Invalid.Field("to", "Ange to: sista dagen ersättaren läser posten (åååå-mm-dd).");
        if (request.To < request.From) return Invalid.Field("to", "Perioden slutar innan den börjar: to ska vara samma dag som from eller senare.");
        if (request.To < services.Clock.Today()) return Invalid.Field("to", "Perioden har redan slutat: to ska vara i dag eller senare.");
        return null;
    }

    // The audit log's target holds 64 characters; an address is rarely longer, and the details name the cover.
    private static string Target(string member) => member.Length <= 64 ? member : member[..64];
}
