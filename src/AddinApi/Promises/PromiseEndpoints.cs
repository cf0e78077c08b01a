using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>The category an official chooses for a message.</summary>
/// <param name="Category">question, opinion, fault-report, document-request, callback, internal or automatic.</param>
public sealed record CategoryChange(string? Category);

/// <summary>An answer that leaves no sent mail.</summary>
/// <param name="State">called-back (the official phoned the citizen) or answered-elsewhere (a meeting, a letter, another channel).</param>
/// <param name="Note">An optional short note, at most 200 characters; no personal identity numbers.</param>
public sealed record StateChange(string? State, string? Note);

/// <summary>What the promise handlers use, bound as one parameter; opens the mailbox and tracks the message once.</summary>
/// <remarks><c>Shared</c> is the pane's <c>?mailbox=</c>: the function mailbox the message is in; null for the official's own.</remarks>
internal sealed record PromiseServices(ClaimsPrincipal User, IMailbox Mailbox, MessageTracker Tracker,
    [property: FromQuery(Name = "mailbox")] string? Shared)
{
    public async Task<(MailboxOwner Owner, Tracked? Tracked)> TrackAsync(string id, CancellationToken cancel)
    {
        var owner = await Mailbox.OpenAsync(User, Shared, cancel);
        return (owner, await Tracker.TrackAsync(owner, id, cancel));
    }

    public async Task<Ok<Promise>> PromiseAsync(MailboxOwner owner, Tracked tracked, CancellationToken cancel) =>
        TypedResults.Ok(await Tracker.PromiseOfAsync(owner, tracked, cancel));
}

public static class PromiseEndpoints
{
    /// <summary>The audit log's action for an answer that left no mail.</summary>
    public const string AnsweredOtherwise = "promise.answered-otherwise";

    public static IEndpointRouteBuilder MapPromises(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/messages/{id}").WithTags("Meddelanden").RequireAuthorization(Policies.Official);
        messages.MapGet("/promise", GetPromise)
            .WithName("GetPromise")
            .WithSummary("Kontaktlöftet för ett meddelande: kategori, svarsdatum, arbetsdagar kvar och läge");
        app.MapGet("/api/conversations/{conversationId}/promise", GetConversationPromise)
            .WithTags("Meddelanden").RequireAuthorization(Policies.Official)
            .WithName("GetConversationPromise")
            .WithSummary("Kontaktlöftet för det senaste spårade meddelandet i en konversation (för svar som skrivs)");
        messages.MapPut("/state", ChangeState)
            .WithName("ChangeState")
            .WithSummary("Markera meddelandet som besvarat utan mejl: uppringd, eller besvarat på annat sätt")
            .WithDescription("Ett telefonsamtal lämnar inget skickat mejl; så hålls kontaktlöftet ändå (telefoniriktlinjen: ring upp inom två arbetsdagar).");
        messages.MapPut("/category", ChangeCategory)
            .WithName("ChangeCategory")
            .WithSummary("Ändra meddelandets kategori; svarsdatumet följer med");
        return app;
    }

    private static async Task<Results<Ok<Promise>, ProblemHttpResult>> GetPromise(
        string id, [AsParameters] PromiseServices s, CancellationToken cancel)
    {
        var (owner, tracked) = await s.TrackAsync(id, cancel);
        return tracked is null ? NotFoundMessage.Answer : await s.PromiseAsync(owner, tracked, cancel);
    }

    /// <summary>Outlook does not tell a reply which message it answers; the conversation does, once the message was opened.</summary>
    private static async Task<Results<Ok<Promise>, ProblemHttpResult>> GetConversationPromise(
        string conversationId, [AsParameters] PromiseServices s, KontaktlofteDb db, CancellationToken cancel)
    {
        var owner = await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        conversationId = MailboxIds.Rest(conversationId);
        var candidates = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Mailbox == owner.Address).Select(m => new { m.Id, m.ReceivedAt }).ToListAsync(cancel);
        var latest = candidates.OrderByDescending(m => m.ReceivedAt).FirstOrDefault();
        var tracked = latest is null ? null : await s.Tracker.TrackAsync(owner, latest.Id, cancel);
        return tracked is null ? NotFoundMessage.Answer : await s.PromiseAsync(owner, tracked, cancel);
    }

    private static async Task<Results<Ok<Promise>, ProblemHttpResult, ValidationProblem>> ChangeState(
        string id, StateChange? change, [AsParameters] PromiseServices s, ConfidentialContent confidential, SignedInOfficial me, KontaktlofteDb db,
        TimeProvider clock, CancellationToken cancel)
    {
        AnswerKind? how = change?.State?.Trim().ToLowerInvariant() switch
        {
            "called-back" => AnswerKind.CalledBack,
            "answered-elsewhere" => AnswerKind.AnsweredElsewhere,
            _ => null,
        };
        if (how is null) return Invalid.Field("state", "Ange state: called-back eller answered-elsewhere.");
        var note = string.IsNullOrWhiteSpace(change!.Note) ? null : change.Note.Trim();
        if (note?.Length > TrackedMessage.MaxAnswerNote)
            return Invalid.Field("note", $"Anteckningen får vara högst {TrackedMessage.MaxAnswerNote} tecken.");
        if (note is not null && confidential.PersonalIds(note).Any())
            return Invalid.Field("note", "Skriv inte personnummer i anteckningen.");
        var (owner, tracked) = await s.TrackAsync(id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        // Saved with the answer itself (the tracker's save): whether there is a note, never the note.
        var actor = (await me.GetAsync(cancel)).Email;
        db.Audit(clock.GetUtcNow(), actor, AnsweredOtherwise, AuditLog.MessageKey(tracked.Facts.Id),
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"how={(how == AnswerKind.CalledBack ? "called-back" : "answered-elsewhere")}; note={AuditLog.YesNo(note is not null)}; due={tracked.Facts.DueDate:yyyy-MM-dd}"));
        await s.Tracker.MarkAnsweredAsync(tracked, how.Value, note, cancel);
        return await s.PromiseAsync(owner, tracked, cancel);
    }

    private static async Task<Results<Ok<Promise>, ProblemHttpResult, ValidationProblem>> ChangeCategory(
        string id, CategoryChange? change, [AsParameters] PromiseServices s, CancellationToken cancel)
    {
        if (!Categories.TryParse(change?.Category, out var category))
            return Invalid.Field("category", "Ange category: question, opinion, fault-report, document-request, callback, internal eller automatic.");
        var (owner, tracked) = await s.TrackAsync(id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        await s.Tracker.ChangeCategoryAsync(tracked, category, cancel);
        return await s.PromiseAsync(owner, tracked, cancel);
    }
}
