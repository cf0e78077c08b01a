using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>Whom to hand a citizen's mail over to, and what to say.</summary>
/// <param name="To">A colleague or another unit's function mailbox, inside the municipality.</param>
/// <param name="Note">A note to the new holder, at most 500 characters; no personal identity numbers.</param>
/// <param name="NotifyCitizen">Whether the citizen gets a short note naming the new contact person (default yes).</param>
public sealed record HandoverRequest(MailAddress? To, string? Note, bool? NotifyCitizen);

/// <summary>Handed over: to whom, and the day the citizen must have an answer by (unchanged).</summary>
public sealed record HandoverResult(MailAddress HandedOverTo, DateOnly DueDate);

/// <summary>What the hand-over handler uses, bound as one parameter.</summary>
/// <remarks><c>Shared</c> is the pane's <c>?mailbox=</c>: the function mailbox the message is in; null for the official's own.</remarks>
internal sealed record HandoverServices(ClaimsPrincipal User, SignedInOfficial Me, IMailbox Mailbox, MessageTracker Tracker, OutboxQueue Outbox,
    KontaktlofteDb Db, TimeProvider Clock, ConfidentialContent Confidential, IOptions<OrganisationOptions> Organisation,
    [property: FromQuery(Name = "mailbox")] string? Shared);

public static class HandoverEndpoints
{
    public static IEndpointRouteBuilder MapHandover(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages/{id}/handover", HandOverAsync)
            .WithName("HandOver")
            .WithTags("Bevakning")
            .WithSummary("Lämna över ett mejl från en invånare till en kollega eller en annan enhets funktionsbrevlåda")
            .WithDescription("Vidarebefordrar mejlet. Kontaktlöftet behåller mottagningsdag och svarsdatum och följer med till den nya brevlådan; " +
                             "den nya kontaktpersonen får veta det i mejlet, och invånaren får ett kort besked om du vill.")
            .RequireAuthorization(Policies.Official);
        return app;
    }

    private static async Task<Results<Created<HandoverResult>, ValidationProblem, ProblemHttpResult>> HandOverAsync(
        string id, HandoverRequest? request, [AsParameters] HandoverServices s, CancellationToken cancel)
    {
        if (Check(request, s) is { } invalid) return invalid;
        var to = new MailAddress(string.IsNullOrWhiteSpace(request!.To!.Name) ? null : request.To.Name.Trim(), request.To.Address!.Trim().ToLowerInvariant());
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var me = await s.Me.GetAsync(cancel);
        var owner = await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        if (string.Equals(to.Address, owner.Address, StringComparison.OrdinalIgnoreCase))
            return Invalid.Field("to", "Mejlet finns redan i den brevlådan. Välj en kollega eller en annan funktionsbrevlåda.");
        var tracked = await s.Tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        var facts = tracked.Facts;
        if (!DueDates.HasPromise(facts.Category))
            return TypedResults.Problem($"Meddelandet är {Categories.Swedish(facts.Category)} och har inget kontaktlöfte att lämna över.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        if (facts.HandedOverAt is not null)
            return TypedResults.Problem($"Meddelandet är redan överlämnat till {facts.HandedOverToName ?? facts.HandedOverTo}.",
                statusCode: StatusCodes.Status409Conflict);
        if (facts.AnsweredAt is not null)
            return TypedResults.Problem("Meddelandet är redan besvarat. Vidarebefordra det i Outlook om en kollega behöver det.",
                statusCode: StatusCodes.Status409Conflict);

        // Only now, with mail to send, the session the outbox may need later (one token exchange with Entra).
        owner = await s.Mailbox.OpenForLaterAsync(s.User, cancel) with { Shared = owner.Shared };
        var now = s.Clock.GetUtcNow();
        var handover = new Handover
        {
            Id = Guid.NewGuid(), MessageId = facts.Id, Mailbox = owner.Address, CreatedBy = me.Email, ByName = me.Name, SessionKey = owner.SessionKey,
            ToAddress = to.Address!, ToName = to.Name, Note = note, NotifyCitizen = request.NotifyCitizen ?? true, CreatedAt = now,
        };
        s.Db.Handovers.Add(handover);
        (facts.HandedOverAt, facts.HandedOverTo, facts.HandedOverToName, facts.HandedOverBy, facts.HandedOverByName) =
            (now, to.Address, to.Name, me.Email, me.Name);
        s.Outbox.Enqueue(handover.Id, HandoverSender.OutboxKind);
        s.Db.Audit(now, me.Email, HandoverAudit.Created, handover.Id, HandoverAudit.Details(handover, facts.PromisedDate ?? facts.DueDate));
        await s.Db.SaveChangesAsync(cancel); // recorded: from here on the outbox delivers it, whatever happens
        // Recorded: the send is not the caller's to cancel (a closed pane must not leave a half-made draft and a held lease).
        await s.Outbox.SendClaimedAsync(handover.Id, CancellationToken.None);
        return TypedResults.Created($"/api/messages/{Uri.EscapeDataString(facts.Id)}/promise",
            new HandoverResult(to, facts.PromisedDate ?? facts.DueDate));
    }

    private static ValidationProblem? Check(HandoverRequest? request, HandoverServices s)
    {
        var address = request?.To?.Address?.Trim();
        if (address is null || address.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
            return Invalid.Field("to", "Ange to.address: e-postadressen till kollegan eller funktionsbrevlådan som ska ta över.");
        // A citizen's mail is handed over inside the municipality only; outside it would be a disclosure, not a hand-over.
        if (!s.Organisation.Value.IsInternalAddress(address))
            return Invalid.Field("to", "Lämna bara över till en kollega eller en funktionsbrevlåda i kommunen.");
        if (request!.To!.Name?.Length > 200) return Invalid.Field("to", "Namnet får vara högst 200 tecken.");
        if (request.Note?.Trim().Length > Handover.MaxNote) return Invalid.Field("note", $"Anteckningen får vara högst {Handover.MaxNote} tecken.");
        if (request.Note is { } note && s.Confidential.PersonalIds(note).Any()) return Invalid.Field("note", "Skriv inte personnummer i anteckningen.");
        return null;
    }
}
