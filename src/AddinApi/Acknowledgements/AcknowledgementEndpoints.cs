using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>What the acknowledgement handlers use, bound as one parameter (eShop's OrderServices).</summary>
/// <remarks><c>Shared</c> is the pane's <c>?mailbox=</c>: the function mailbox the message is in (the receipt is sent from it); null for the official's own.</remarks>
internal sealed record AcknowledgementServices(
    ClaimsPrincipal User, SignedInOfficial Me, IMailbox Mailbox, MessageTracker Tracker, AcknowledgementRules Rules, ReceiptText Receipts,
    OutboxQueue Outbox, AcknowledgementSender Sender, KontaktlofteDb Db, TimeProvider Clock,
    [property: FromQuery(Name = "mailbox")] string? Shared);

public static class AcknowledgementEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static WebApplicationBuilder AddAcknowledgements(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReceiptText>();
        builder.Services.AddScoped<AcknowledgementRules>();
        builder.Services.AddScoped<AcknowledgementSender>();
        builder.Services.AddScoped<IOutboxSender>(services => services.GetRequiredService<AcknowledgementSender>());
        return builder;
    }

    public static IEndpointRouteBuilder MapAcknowledgements(this IEndpointRouteBuilder app)
    {
        var message = app.MapGroup("/api/messages/{id}").WithTags("Mottagningsbevis").RequireAuthorization(Policies.Official);
        message.MapPost("/acknowledgement/preview", (string id, AcknowledgementRequest? request, [AsParameters] AcknowledgementServices services,
                CancellationToken cancel) => PreviewAsync(id, request, update: false, services, cancel))
            .WithName("PreviewAcknowledgement")
            .WithSummary("Visa mottagningsbeviset innan det skickas");
        message.MapPost("/acknowledgement", (string id, AcknowledgementRequest? request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
                [AsParameters] AcknowledgementServices services, CancellationToken cancel) => SendAsync(id, request, idempotencyKey, update: false, services, cancel))
            .WithName("SendAcknowledgement")
            .WithSummary("Bekräfta och tilldela kontaktperson: skicka mottagningsbeviset")
            .WithDescription("Kräver rubriken Idempotency-Key. Samma nyckel igen ger det första svaret och inget nytt mejl; " +
                             "samma nyckel med annat innehåll ger 422; samtidiga dubbletter ger 409.");
        message.MapPost("/acknowledgement/update/preview", (string id, AcknowledgementRequest? request, [AsParameters] AcknowledgementServices services,
                CancellationToken cancel) => PreviewAsync(id, request, update: true, services, cancel))
            .WithName("PreviewAcknowledgementUpdate")
            .WithSummary("Visa ett nytt besked (nytt svarsdatum) innan det skickas");
        message.MapPost("/acknowledgement/update", (string id, AcknowledgementRequest? request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
                [AsParameters] AcknowledgementServices services, CancellationToken cancel) => SendAsync(id, request, idempotencyKey, update: true, services, cancel))
            .WithName("SendAcknowledgementUpdate")
            .WithSummary("Skicka ett nytt besked när svaret dröjer: nytt svarsdatum till samma invånare")
            .WithDescription("Kräver att ett mottagningsbevis redan har skickats, och rubriken Idempotency-Key som det första.");
        message.MapGet("/acknowledgements", ListAsync)
            .WithName("ListAcknowledgements")
            .WithSummary("Mottagningsbevis och nya besked för meddelandet: när, till vem, texten och hur det gick");
        return app;
    }

    private static async Task<Results<Ok<ReceiptPreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string id, AcknowledgementRequest? request, bool update, AcknowledgementServices s, CancellationToken cancel)
    {
        var me = await MeAsync(s, cancel);
        var owner = await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        var tracked = await s.Tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        if (await CannotAcknowledgeAsync(tracked, update, s, cancel) is { } refused) return refused;
        var (checkedFacts, problem) = s.Rules.Check(request ?? new(null, null, null, null), tracked, me);
        if (problem is not null) return problem;
        var facts = checkedFacts! with { IsUpdate = update };
        return TypedResults.Ok(new ReceiptPreview(tracked.Citizen.AnswerTo.Address ?? "", ReceiptText.Subject(facts.Language, update),
            AcknowledgementSender.FullHtml(s.Receipts, facts, tracked, s.Clock.Today()), facts.Language, facts.PromisedDate, facts.Contact,
            s.Rules.Warnings(facts, tracked.Facts)));
    }

    private static async Task<Results<Created<AcknowledgementResult>, ValidationProblem, ProblemHttpResult>> SendAsync(
        string id, AcknowledgementRequest? request, string? idempotencyKey, bool update, AcknowledgementServices s, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
            return Invalid.Field(IdempotencyHeader, "Ange rubriken Idempotency-Key (högst 200 tecken), till exempel ett nytt GUID per klick.");
        request ??= new(null, null, null, null);
        var me = await MeAsync(s, cancel);
        var hash = Hash(id, update, request);

        // The same key from the same official: the first result, or 422 for other content, or 409 while in flight.
        var earlier = await s.Db.Acknowledgements.AsNoTracking()
            .FirstOrDefaultAsync(a => a.CreatedBy == me.Email && a.IdempotencyKey == idempotencyKey, cancel);
        if (earlier is not null) return await RepeatAsync(earlier, hash, s, cancel);

        var owner = await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        var tracked = await s.Tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        if (await CannotAcknowledgeAsync(tracked, update, s, cancel) is { } refused) return refused;
        var (facts, problem) = s.Rules.Check(request, tracked, me);
        if (problem is not null) return problem;

        // Only now, with a receipt to record, the session the outbox may need later (one token exchange with Entra).
        owner = await s.Mailbox.OpenForLaterAsync(s.User, cancel) with { Shared = owner.Shared };
        var sequence = await s.Db.Acknowledgements.Where(a => a.MessageId == tracked.Facts.Id).Select(a => (int?)a.Sequence).MaxAsync(cancel) + 1 ?? 0;
        var ack = Record(tracked, facts!, me, owner, idempotencyKey, hash, sequence, s.Clock.GetUtcNow());
        ack.IsUpdate = update;
        s.Db.Acknowledgements.Add(ack);
        s.Outbox.Enqueue(ack.Id, AcknowledgementSender.OutboxKind);
        s.Db.Audit(ack.CreatedAt, me.Email, update ? AcknowledgementAudit.NewDateQueued : AcknowledgementAudit.Queued, ack.Id, AcknowledgementAudit.Details(ack));
        try
        {
            await s.Db.SaveChangesAsync(cancel); // recorded: from here on the outbox will send it, whatever happens
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem("Samma mottagningsbevis håller redan på att skickas. Vänta en stund och titta igen.",
                statusCode: StatusCodes.Status409Conflict);
        }
        s.Sender.Remember(tracked.Message);
        // Recorded: the send is not the caller's to cancel. A closed pane must not leave a half-made draft and a held lease.
        await s.Outbox.SendClaimedAsync(ack.Id, CancellationToken.None);
        var item = await s.Outbox.FindAsync(ack.Id, cancel);
        return Created(ack, item!.Status);
    }

    /// <summary>
    /// A receipt goes only to a citizen's message, once — unless the one before could not be sent (a dead letter), when
    /// the official may send it again; a new answer date only once a receipt has reached the citizen.
    /// </summary>
    private static async Task<ProblemHttpResult?> CannotAcknowledgeAsync(Tracked tracked, bool update, AcknowledgementServices s, CancellationToken cancel)
    {
        if (!DueDates.HasPromise(tracked.Facts.Category))
            return TypedResults.Problem(
                $"Meddelandet är {Categories.Swedish(tracked.Facts.Category)} och får inget mottagningsbevis. Ändra kategorin om det är från en invånare.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        var firsts = await s.Db.Acknowledgements.AsNoTracking().Where(a => a.MessageId == tracked.Facts.Id && !a.IsUpdate)
            .Join(s.Db.Set<OutboxItem>(), a => a.Id, i => i.Id, (a, i) => new { a.PromisedDate, a.ContactName, i.Status })
            .ToListAsync(cancel);
        var live = firsts.FirstOrDefault(f => f.Status != OutboxStatus.Failed);
        if (!update && live is not null)
            return TypedResults.Problem(live.Status == OutboxStatus.Sent
                ? $"Meddelandet är redan bekräftat med svarsdatum {live.PromisedDate:yyyy-MM-dd} och kontaktperson {live.ContactName}. Skicka ett nytt besked om svaret dröjer."
                : "Ett mottagningsbevis väntar redan på att skickas. Vänta tills det har gått iväg.", statusCode: StatusCodes.Status409Conflict);
        if (update && live?.Status != OutboxStatus.Sent)
            return TypedResults.Problem(live is null
                ? "Inget mottagningsbevis är skickat för meddelandet ännu. Skicka mottagningsbeviset först."
                : "Mottagningsbeviset väntar fortfarande på att skickas. Ett nytt besked kan skickas när det har gått iväg.",
                statusCode: StatusCodes.Status409Conflict);
        return null;
    }

    /// <summary>The acknowledgement as recorded; the sandbox's seed records its receipts with it too, as an official would have.</summary>
    internal static Acknowledgement Record(Tracked tracked, ReceiptFacts facts, ContactPerson me, MailboxOwner owner, string key, string hash,
        int sequence, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), MessageId = tracked.Facts.Id, Sequence = sequence, IdempotencyKey = key, RequestHash = hash,
        CreatedBy = me.Email, SenderName = me.Name, SenderTitle = me.Title ?? "", SenderPhone = me.Phone ?? "",
        Mailbox = owner.Address, SessionKey = owner.SessionKey,
        ContactName = facts.Contact.Name, ContactTitle = facts.Contact.Title ?? "", ContactPhone = facts.Contact.Phone ?? "",
        ContactEmail = facts.Contact.Email, PromisedDate = facts.PromisedDate, Language = facts.Language,
        PersonalLine = facts.PersonalLine, CreatedAt = now,
    };

    private static async Task<Results<Created<AcknowledgementResult>, ValidationProblem, ProblemHttpResult>> RepeatAsync(
        Acknowledgement earlier, string hash, AcknowledgementServices s, CancellationToken cancel)
    {
        if (earlier.RequestHash != hash)
            return TypedResults.Problem("Idempotency-Key har redan använts för ett annat mottagningsbevis. Använd en ny nyckel.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        var item = await s.Outbox.FindAsync(earlier.Id, cancel);
        if (item is null || s.Outbox.IsInFlight(item))
            return TypedResults.Problem("Mottagningsbeviset håller på att skickas. Försök igen om en stund.",
                statusCode: StatusCodes.Status409Conflict);
        return Created(earlier, item.Status);
    }

    private static Created<AcknowledgementResult> Created(Acknowledgement ack, OutboxStatus status) =>
        TypedResults.Created($"/api/messages/{Uri.EscapeDataString(ack.MessageId)}/acknowledgements",
            new AcknowledgementResult(ack.Id, status, ack.PromisedDate, ack.Contact));

    /// <summary>What was sent, when and to whom, with the text read back from the mailbox (nothing of it is stored here).</summary>
    private static async Task<Results<Ok<List<SentAcknowledgement>>, ProblemHttpResult>> ListAsync(
        string id, [AsParameters] AcknowledgementServices s, CancellationToken cancel)
    {
        var owner = await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        var tracked = await s.Tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        var acks = await s.Db.Acknowledgements.AsNoTracking().Where(a => a.MessageId == tracked.Facts.Id).OrderBy(a => a.Sequence).ToListAsync(cancel);
        var list = new List<SentAcknowledgement>(acks.Count);
        foreach (var ack in acks)
        {
            var item = await s.Outbox.FindAsync(ack.Id, cancel);
            var status = item?.Status ?? OutboxStatus.Queued;
            var body = status == OutboxStatus.Sent && ack.DraftId is { } sent
                ? (await s.Mailbox.GetMessageAsync(owner, sent, cancel))?.BodyHtml
                : status == OutboxStatus.Queued ? AcknowledgementSender.FullHtml(s.Receipts, AcknowledgementSender.FactsOf(ack, tracked.Facts), tracked, s.Clock.Today()) : null;
            list.Add(new SentAcknowledgement(ack.Id, ack.IsUpdate ? AcknowledgementKind.Update : AcknowledgementKind.First, status, ack.CreatedAt,
                status == OutboxStatus.Sent ? item?.DoneAt : null, tracked.Citizen.AnswerTo.Address ?? "",
                ReceiptText.Subject(ack.Language, ack.IsUpdate), body, ack.PromisedDate, ack.Contact, item?.LastError));
        }
        return TypedResults.Ok(list);
    }

    internal static string Hash(string id, bool update, AcknowledgementRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id + (update ? "\nupdate\n" : "\n") + JsonSerializer.Serialize(request))));

    private static async Task<ContactPerson> MeAsync(AcknowledgementServices s, CancellationToken cancel) =>
        ContactPerson.Of(await s.Me.GetAsync(cancel));
}
