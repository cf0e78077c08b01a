using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Audit;

/// <summary>What reading the log needs, grouped (eShop's OrderServices).</summary>
internal sealed record AuditServices(ClaimsPrincipal User, SignedInOfficial Me, IDirectory Directory, KontaktlofteDb Db);

/// <summary>The audit log, read by role (issue 12): <c>GET /api/audit</c>.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ReadAsync)
            .WithName("GetAuditLog")
            .WithTags("Granskning")
            .WithSummary("Granskningsloggen, nyast först: mina egna händelser; registrator även diarieföringen; enhetschef även enhetens")
            .WithDescription("Filtrera med from och to (dagar i svensk tid, båda med), action (början av händelsen, t.ex. registration) " +
                             "och limit (1–200, 50 om inget anges). Nästa sida: before = next från svaret.")
            .RequireAuthorization(Policies.Official);
        return app;
    }

    /// <summary>A page of the lines the caller may read, newest first.</summary>
    /// <param name="from">The first day, e.g. 2026-11-01 (Stockholm time); none: from the start.</param>
    /// <param name="to">The last day, included; none: up to now.</param>
    /// <param name="action">The start of the action, e.g. registration or acknowledgement.sent.</param>
    /// <param name="before">The previous page's next: only lines older than its last.</param>
    /// <param name="limit">Lines per page, 1–200 (50).</param>
    /// <param name="s">The caller, the directory (a unit head's unit) and the database.</param>
    /// <param name="cancel">The caller left.</param>
    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ReadAsync(string? from, string? to, string? action, string? before,
        string? limit, [AsParameters] AuditServices s, CancellationToken cancel)
    {
        var (query, problem) = AuditQuery.Parse(from, to, action, before, limit);
        if (problem is not null) return problem;
        var reader = await AuditReader.OfAsync(s.User, s.Me, s.Directory, s.Db, cancel);
        return TypedResults.Ok(await PageAsync(s.Db, reader, query!, cancel));
    }

    internal static async Task<AuditPage> PageAsync(KontaktlofteDb db, AuditReader reader, AuditQuery query, CancellationToken cancel)
    {
        var lines = db.AuditEvents.AsNoTracking().Where(reader.MaySee());
        if (query.Start is { } start) lines = lines.Where(a => a.At >= start);
        if (query.End is { } end) lines = lines.Where(a => a.At < end);
        if (query.Action is { } prefix) lines = lines.Where(a => a.Action.StartsWith(prefix));
        if (query.Before is { } cursor) lines = lines.Where(a => a.At < cursor.At || (a.At == cursor.At && a.Id < cursor.Id));
        var found = await lines.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(query.Limit + 1).ToListAsync(cancel);
        var page = found.Take(query.Limit)
            .Select(a => new AuditLine(a.Id, a.At.ToUniversalTime(), a.Actor, a.Action, AuditActions.Describe(a.Action), a.Target, a.Details)).ToList();
        return new AuditPage(page, found.Count > query.Limit ? new AuditCursor(page[^1].At, page[^1].Id).ToString() : null);
    }
}
