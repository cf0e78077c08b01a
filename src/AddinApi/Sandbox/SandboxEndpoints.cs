using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>A message in the sandbox mailbox.</summary>
/// <param name="Id">The message's id, for <c>/api/messages/{id}/…</c>.</param>
/// <param name="From">The sender.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="BodyText">The body as text, when it is text.</param>
/// <param name="BodyHtml">The body as HTML, when it is HTML.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Headers">Its internet headers.</param>
/// <param name="Categories">Outlook categories set on it.</param>
/// <param name="Mailbox">Whose mailbox it is in.</param>
/// <param name="ConversationId">Its conversation: a reply written in the sandbox belongs to it, as in Outlook.</param>
public sealed record SandboxMessage(string Id, MailAddress From, string Subject, string? BodyText, string? BodyHtml,
    DateTimeOffset ReceivedAt, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> Categories, string Mailbox, string ConversationId);

/// <summary>A message to put in the sandbox mailbox.</summary>
/// <param name="From">The sender (address required).</param>
/// <param name="Subject">The subject line.</param>
/// <param name="BodyText">The body as text, or</param>
/// <param name="BodyHtml">the body as HTML.</param>
/// <param name="ReceivedAt">When it arrived; default now.</param>
/// <param name="Headers">Internet headers, e.g. Auto-Submitted.</param>
/// <param name="Mailbox">Whose mailbox it arrives in: a sandbox user's or a function mailbox; default the caller's own.</param>
public sealed record NewSandboxMessage(MailAddress? From, string? Subject, string? BodyText, string? BodyHtml,
    DateTimeOffset? ReceivedAt, Dictionary<string, string>? Headers, string? Mailbox = null);

/// <summary>A reply written in the sandbox's reply editor.</summary>
/// <param name="BodyHtml">The reply's HTML.</param>
/// <param name="To">Whom it goes to; null answers the sender (as Outlook's Reply). The citizen of a forward is named here.</param>
/// <param name="DraftId">The draft saved before (Outlook's saveAsync): that draft is sent, keeping its id, as Outlook does.</param>
public sealed record SandboxReply(string? BodyHtml, MailAddress? To = null, string? DraftId = null);

/// <summary>A reply draft saved from the sandbox's reply editor (Outlook's <c>saveAsync</c>).</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="To">The recipient's address; default the sender of the message answered.</param>
/// <param name="BodyHtml">The reply's HTML.</param>
/// <param name="DraftId">The draft saved before, saved again; null saves a new one.</param>
public sealed record SandboxDraft(string? Subject, string? To, string? BodyHtml, string? DraftId = null);

/// <summary>The id of a created message.</summary>
public sealed record CreatedMessage(string Id);

/// <summary>A message the sandbox mailbox has sent (a receipt or a reply).</summary>
/// <param name="Id">Its id.</param>
/// <param name="InReplyTo">The id of the message it answers.</param>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="BodyHtml">The body as HTML.</param>
/// <param name="SentAt">When it was sent.</param>
public sealed record SentMessage(string Id, string InReplyTo, string To, string Subject, string BodyHtml, DateTimeOffset? SentAt)
{
    /// <summary>The mailbox the application sent it from (a function mailbox's automatic receipt, a digest); null: the official's.</summary>
    public string? Mailbox { get; init; }
    /// <summary>Internet headers the product set (Auto-Submitted: auto-replied on an automatic receipt, RFC 3834).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

public static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxMailbox(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/api/sandbox").WithTags("Sandlåda").RequireAuthorization(Policies.Official);
        sandbox.MapGet("/messages", ListMessages).WithName("ListSandboxMessages").WithSummary("Meddelandena i sandlådans brevlåda");
        sandbox.MapPost("/messages", AddMessage).WithName("AddSandboxMessage").WithSummary("Lägg ett meddelande i sandlådans brevlåda");
        sandbox.MapPost("/messages/{id}/reply", Reply).WithName("ReplySandboxMessage").WithSummary("Svara på ett meddelande (sandlådans svarsfönster)");
        sandbox.MapPost("/messages/{id}/draft", SaveDraft).WithName("SaveSandboxDraft").WithSummary("Spara ett svar som utkast (Outlooks saveAsync)");
        sandbox.MapGet("/sent", ListSent).WithName("ListSandboxSent").WithSummary("Skickade meddelanden: mottagningsbevis och svar");
        return app;
    }

    private static ValidationProblem NoSuchMailbox =>
        Invalid.Field("mailbox", "Ange en av sandlådans brevlådor: en användares egen eller bygglov@ / kontaktcenter@sandbox.botkyrka.se.");

    /// <summary>The mailbox asked for, else the caller's own — or the first sandbox user's for a caller without one.</summary>
    private static string MailboxOf(string? asked, System.Security.Claims.ClaimsPrincipal user)
    {
        if (asked is not null) return asked.Trim().ToLowerInvariant();
        var own = (user.FindFirst(KontaktlofteClaims.Email)?.Value ?? "").Trim().ToLowerInvariant();
        return SandboxUsers.IsMailbox(own) ? own : SandboxUsers.All[0].Email;
    }

    private static async Task<Results<Ok<List<SandboxMessage>>, ValidationProblem>> ListMessages(
        string? mailbox, System.Security.Claims.ClaimsPrincipal user, SandboxDb db, CancellationToken cancel)
    {
        var address = MailboxOf(mailbox, user);
        if (!SandboxUsers.IsMailbox(address)) return NoSuchMailbox;
        var mail = await db.SandboxMail.AsNoTracking().Where(m => m.Mailbox == address).ToListAsync(cancel);
        return TypedResults.Ok(mail.OrderByDescending(m => m.ReceivedAt).Select(m =>
        {
            var message = SandboxMailbox.ToMessage(m);
            return new SandboxMessage(m.Id, message.From, m.Subject, m.BodyText, m.BodyHtml, m.ReceivedAt, message.Headers, message.Categories, m.Mailbox,
                m.ConversationId);
        }).ToList());
    }

    private static async Task<Results<Created<CreatedMessage>, ValidationProblem>> AddMessage(
        NewSandboxMessage? request, System.Security.Claims.ClaimsPrincipal user, SandboxDb db, TimeProvider clock, CancellationToken cancel)
    {
        if (request?.From?.Address is not { Length: > 0 } address || !address.Contains('@', StringComparison.Ordinal))
            return Invalid.Field("from.address", "Ange avsändarens e-postadress i from.address.");
        if (request.BodyText is null && request.BodyHtml is null)
            return Invalid.Field("bodyText", "Ange bodyText eller bodyHtml.");
        var mailbox = MailboxOf(request.Mailbox, user);
        if (!SandboxUsers.IsMailbox(mailbox)) return NoSuchMailbox;
        var mail = SandboxSeed.NewMail(request.From.Name ?? address, address, request.Subject ?? "", request.BodyText, request.BodyHtml,
            request.ReceivedAt ?? clock.GetUtcNow(), request.Headers ?? []);
        mail.Mailbox = mailbox;
        mail.Version = await db.NextVersionAsync(cancel);
        db.SandboxMail.Add(mail);
        await db.SaveChangesAsync(cancel);
        return TypedResults.Created($"/api/messages/{mail.Id}/promise", new CreatedMessage(mail.Id));
    }

    private static async Task<Results<Created<CreatedMessage>, ValidationProblem, ProblemHttpResult>> Reply(
        string id, SandboxReply? reply, System.Security.Claims.ClaimsPrincipal user, IMailbox mailbox, SandboxDb db, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(reply?.BodyHtml)) return Invalid.Field("bodyHtml", "Ange svarets text i bodyHtml.");
        var owner = await mailbox.OpenAsync(user, cancel);
        if (await mailbox.GetMessageAsync(owner, id, cancel) is null) return NotFoundMessage.Answer;
        if (reply.To is { Address: { } to } && !System.Net.Mail.MailAddress.TryCreate(to, out _)) return Invalid.Field("to", "Ange to.address som en e-postadress.");
        var saved = reply.DraftId is { } draftId
            ? await db.SandboxSentMail.FirstOrDefaultAsync(m => m.Id == draftId && m.InReplyTo == id && m.IsDraft, cancel) : null;
        if (saved is not null)
        {
            saved.BodyHtml = reply.BodyHtml;
            await db.SaveChangesAsync(cancel);
        }
        var draft = saved?.Id ?? await mailbox.CreateReplyDraftAsync(owner, id, new ReplyDraft(null, reply.BodyHtml, reply.To?.Address is null ? null : reply.To), cancel);
        await mailbox.SendDraftAsync(owner, draft, cancel);
        return TypedResults.Created($"/api/sandbox/sent", new CreatedMessage(draft));
    }

    /// <summary>Saves a reply as a draft in the Drafts folder, where the API finds it by its id (as Graph finds a saved draft).</summary>
    private static async Task<Results<Ok<CreatedMessage>, ValidationProblem, ProblemHttpResult>> SaveDraft(
        string id, SandboxDraft? draft, System.Security.Claims.ClaimsPrincipal user, IMailbox mailbox, SandboxDb db, CancellationToken cancel)
    {
        if (draft is null) return Invalid.Field("bodyHtml", "Ange utkastets text i bodyHtml.");
        var owner = await mailbox.OpenAsync(user, cancel);
        if (await mailbox.GetMessageAsync(owner, id, cancel) is null) return NotFoundMessage.Answer;
        var saved = draft.DraftId is { } draftId
            ? await db.SandboxSentMail.FirstOrDefaultAsync(m => m.Id == draftId && m.InReplyTo == id && m.IsDraft, cancel) : null;
        var to = string.IsNullOrWhiteSpace(draft.To) ? null : new MailAddress(null, draft.To.Trim());
        if (saved is null)
        {
            var created = await mailbox.CreateReplyDraftAsync(owner, id, new ReplyDraft(null, draft.BodyHtml ?? "", to), cancel);
            saved = await db.SandboxSentMail.FirstAsync(m => m.Id == created, cancel);
        }
        saved.BodyHtml = draft.BodyHtml ?? "";
        if (!string.IsNullOrWhiteSpace(draft.Subject)) saved.Subject = draft.Subject.Trim();
        if (to?.Address is { } address) saved.To = address;
        await db.SaveChangesAsync(cancel);
        return TypedResults.Ok(new CreatedMessage(saved.Id));
    }

    private static async Task<Ok<List<SentMessage>>> ListSent(SandboxDb db, CancellationToken cancel)
    {
        var sent = await db.SandboxSentMail.AsNoTracking().Where(m => !m.IsDraft).ToListAsync(cancel);
        return TypedResults.Ok(sent.OrderByDescending(m => m.SentAt)
            .Select(m => new SentMessage(m.Id, m.InReplyTo, m.To, m.Subject, m.BodyHtml, m.SentAt)
            {
                Mailbox = m.Mailbox,
                Headers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(m.HeadersJson) ?? [],
            }).ToList());
    }
}
