using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>A function mailbox and who answers its mail.</summary>
/// <param name="Address">The mailbox, e.g. bygglov@botkyrka.se.</param>
/// <param name="Watchers">The officials whose worklist shows its mail.</param>
/// <param name="AutomaticReceipt">Whether a new citizen question gets an automatic receipt.</param>
/// <param name="ReceiptNote">The unit's own line in that receipt.</param>
public sealed record FunctionMailbox(string Address, IReadOnlyList<string> Watchers, bool AutomaticReceipt, string? ReceiptNote);

/// <summary>What a unit head sets for a function mailbox.</summary>
/// <param name="Watchers">The officials who watch it (addresses in the municipality's domains), at most 50.</param>
/// <param name="AutomaticReceipt">Turns the automatic receipt on or off.</param>
/// <param name="ReceiptNote">The unit's own line in the automatic receipt, at most 500 characters.</param>
public sealed record FunctionMailboxSettings(List<string>? Watchers, bool AutomaticReceipt, string? ReceiptNote);

public static class MailboxesEndpoints
{
    public const int MaxWatchers = 50;

    public static IEndpointRouteBuilder MapMailboxes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailboxes").WithTags("Bevakning");
        group.MapGet("", ListAsync).WithName("ListFunctionMailboxes")
            .WithSummary("Funktionsbrevlådorna jag bevakar (enhetschef: enhetens och de som ingen bevakar) och vem som bevakar dem")
            .RequireAuthorization(Policies.Official);
        group.MapPut("/{address}", SetAsync).WithName("SetFunctionMailbox")
            .WithSummary("Enhetschef: vem som bevakar funktionsbrevlådan")
            .RequireAuthorization(Policies.UnitHead);
        return app;
    }

    /// <summary>
    /// An official sees the function mailboxes they watch. A unit head sees the unit's (watched by the head or a direct
    /// report, as the coverage view counts them) and those nobody watches yet, which are any head's to give watchers —
    /// never another unit's. There is no role that sees every mailbox.
    /// </summary>
    private static async Task<Ok<List<FunctionMailbox>>> ListAsync(SignedInOfficial me, System.Security.Claims.ClaimsPrincipal user, KontaktlofteDb db,
        IDirectory directory, IOptions<WatcherOptions> options, CancellationToken cancel)
    {
        var email = (await me.GetAsync(cancel)).Email.ToLowerInvariant();
        var head = user.IsInRole(Roles.Enhetschef);
        // A head's unit is the directory's direct reports (one paged call), as in the coverage view.
        IReadOnlySet<string> people = UnitMailboxes.People(email,
            head ? (await directory.DirectReportsAsync(user, cancel)).Select(p => p.Email) : []);
        var rows = await db.Set<WatchedMailbox>().AsNoTracking().ToListAsync(cancel);
        var all = rows.Select(m => m.Address).Concat(options.Value.FunctionMailboxes.Select(a => a.Trim().ToLowerInvariant()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(a => rows.FirstOrDefault(r => r.Address.Equals(a, StringComparison.OrdinalIgnoreCase)) ?? new WatchedMailbox { Address = a });
        return TypedResults.Ok(all.Where(m => UnitMailboxes.IsTheUnits(m, people) || (head && m.Watchers.Count == 0))
            .OrderBy(m => m.Address, StringComparer.Ordinal)
            .Select(m => new FunctionMailbox(m.Address, m.Watchers, m.AutomaticReceipt, m.ReceiptNote)).ToList());
    }

    private static async Task<Results<Ok<FunctionMailbox>, ValidationProblem, ProblemHttpResult>> SetAsync(string address,
        FunctionMailboxSettings? settings, KontaktlofteDb db, IOptions<WatcherOptions> options, IOptions<OrganisationOptions> organisation,
        ConfidentialContent confidential, TimeProvider clock, CancellationToken cancel)
    {
        address = Uri.UnescapeDataString(address).Trim().ToLowerInvariant();
        var mailbox = await db.Set<WatchedMailbox>().FirstOrDefaultAsync(m => m.Address == address, cancel);
        if (mailbox is null && !options.Value.FunctionMailboxes.Any(a => a.Trim().Equals(address, StringComparison.OrdinalIgnoreCase)))
            return TypedResults.Problem($"{address} är ingen funktionsbrevlåda som Kontaktlöfte bevakar (Watcher:FunctionMailboxes).",
                statusCode: StatusCodes.Status404NotFound);
        if (settings is null) return Invalid.Field("watchers", "Ange watchers, automaticReceipt och receiptNote.");
        var watchers = (settings.Watchers ?? []).Select(w => (w ?? "").Trim().ToLowerInvariant()).Distinct().ToList();
        if (watchers.Count > MaxWatchers) return Invalid.Field("watchers", $"Högst {MaxWatchers} bevakare per funktionsbrevlåda.");
        if (watchers.FirstOrDefault(w => !w.Contains('@', StringComparison.Ordinal) || !organisation.Value.IsInternalAddress(w)) is { } wrong)
            return Invalid.Field("watchers", $"{(wrong.Length == 0 ? "En tom adress" : wrong)} är ingen adress i kommunen. Bevakare är tjänstepersoner i kommunen.");
        var note = string.IsNullOrWhiteSpace(settings.ReceiptNote) ? null : settings.ReceiptNote.Trim();
        if (note?.Length > 500) return Invalid.Field("receiptNote", "Den egna raden får vara högst 500 tecken.");
        if (note is not null && confidential.PersonalIds(note).Any()) return Invalid.Field("receiptNote", "Skriv inte personnummer i mottagningsbeviset.");

        mailbox ??= db.Set<WatchedMailbox>().Add(new WatchedMailbox { Address = address }).Entity;
        mailbox.Watchers = watchers;
        // Only mail that arrives from now on gets one: turning it on must not answer the Inbox's last fortnight.
        if (settings.AutomaticReceipt && !mailbox.AutomaticReceipt) mailbox.AutomaticReceiptSince = clock.GetUtcNow();
        mailbox.AutomaticReceipt = settings.AutomaticReceipt;
        mailbox.ReceiptNote = note;
        await db.SaveChangesAsync(cancel);
        return TypedResults.Ok(new FunctionMailbox(mailbox.Address, mailbox.Watchers, mailbox.AutomaticReceipt, mailbox.ReceiptNote));
    }
}
