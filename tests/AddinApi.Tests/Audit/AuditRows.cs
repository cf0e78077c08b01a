using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Audit;

/// <summary>The audit log as the database holds it, for tests that check what a flow wrote.</summary>
internal static class AuditRows
{
    public static async Task<List<AuditEvent>> AllAsync(KontaktlofteFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().AuditEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The lines written after <paramref name="after"/> (the sandbox's seed writes its own history first).</summary>
    public static async Task<List<AuditEvent>> SinceAsync(KontaktlofteFactory api, long after) =>
        (await AllAsync(api)).Where(a => a.Id > after).ToList();

    /// <summary>The last line's id now; 0 for an empty log.</summary>
    public static async Task<long> LastIdAsync(KontaktlofteFactory api) => (await AllAsync(api)).Select(a => a.Id).DefaultIfEmpty().Max();

    public static async Task<List<AuditEvent>> OfAsync(KontaktlofteFactory api, object target) =>
        (await AllAsync(api)).Where(a => a.Target == target.ToString()).ToList();

    /// <summary>Empties the log (of the sandbox's seeded history).</summary>
    public static async Task ClearAsync(KontaktlofteFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().AuditEvents.ExecuteDeleteAsync();
    }

    /// <summary>Adds lines as features would, in one save.</summary>
    public static async Task<List<long>> AddAsync(KontaktlofteFactory api, params (DateTimeOffset At, string Actor, string Action, string Target)[] lines)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        var added = lines.Select(l => db.AuditEvents.Add(new AuditEvent { At = l.At, Actor = l.Actor, Action = l.Action, Target = l.Target }).Entity).ToList();
        await db.SaveChangesAsync();
        return added.Select(a => a.Id).ToList();
    }
}
