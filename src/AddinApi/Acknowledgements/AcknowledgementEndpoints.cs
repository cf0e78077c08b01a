using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Acknowledgements;

public static class AcknowledgementEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static WebApplicationBuilder AddAcknowledgements(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReceiptText>();
        builder.Services.AddScoped<AcknowledgementRules>();
        builder.Services.AddScoped<AcknowledgementOutbox>();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAcknowledgements(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages/{id}/acknowledgement").WithTags("Mottagningsbevis").RequireAuthorization(Policies.Official);
        group.MapPost("/preview", Preview)
            .WithName("PreviewAcknowledgement")
            .WithSummary("Visa mottagningsbeviset innan det skickas");
        group.MapPost("/", Send)
            .WithName("SendAcknowledgement")
            .WithSummary("Bekräfta och tilldela kontaktperson: skicka mottagningsbeviset")
            .WithDescription("Kräver rubriken Idempotency-Key. Samma nyckel igen ger det första svaret och inget nytt mejl; " +
                             "samma nyckel med annat innehåll ger 422; samtidiga dubbletter ger 409.");
        return app;
    }

    private static async Task<Results<Ok<ReceiptPreview>, ValidationProblem, ProblemHttpResult>> Preview(
        string id, AcknowledgementRequest? request, ClaimsPrincipal user, IMailbox mailbox, MessageTracker tracker,
        AcknowledgementRules rules, ReceiptText receipts, KontaktlofteDb db, CancellationToken cancel)
    {
        var owner = await mailbox.OpenAsync(user, cancel);
        var tracked = await tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        if (!DueDates.HasPromise(tracked.Facts.Category)) return NoPromise(tracked);
        var (facts, problem) = rules.Check(request ?? new(null, null, null, null), tracked, await MeAsync(user, db, mailbox, cancel));
        if (problem is not null) return problem;
        return TypedResults.Ok(new ReceiptPreview(tracked.Message.From.Address ?? "", ReceiptText.Subject(tracked.Message.Subject, facts!.Language),
            receipts.Html(facts), facts.Language, facts.PromisedDate, facts.Contact));
    }

    private static async Task<Results<Created<AcknowledgementResult>, Ok<AcknowledgementResult>, ValidationProblem, ProblemHttpResult>> Send(
        string id, AcknowledgementRequest? request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user, IMailbox mailbox, MessageTracker tracker, AcknowledgementRules rules, AcknowledgementOutbox outbox,
        KontaktlofteDb db, TimeProvider clock, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
            return Invalid.Field(IdempotencyHeader, "Ange rubriken Idempotency-Key (högst 200 tecken), till exempel ett nytt GUID per klick.");
        request ??= new(null, null, null, null);
        var me = await MeAsync(user, db, mailbox, cancel);
        var hash = Hash(id, request);

        // The same key from the same official: the first result, or 422 for other content, or 409 while in flight.
        var earlier = await db.Acknowledgements.AsNoTracking()
            .FirstOrDefaultAsync(a => a.CreatedBy == me.Email && a.IdempotencyKey == idempotencyKey, cancel);
        if (earlier is not null) return Repeat(earlier, hash, clock);

        var owner = await mailbox.OpenAsync(user, cancel);
        var tracked = await tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        if (!DueDates.HasPromise(tracked.Facts.Category)) return NoPromise(tracked);
        var (facts, problem) = rules.Check(request, tracked, me);
        if (problem is not null) return problem;
        if (await db.Acknowledgements.AsNoTracking().FirstOrDefaultAsync(a => a.MessageId == tracked.Facts.Id, cancel) is { } other)
            return TypedResults.Problem($"Meddelandet är redan bekräftat med svarsdatum {other.PromisedDate:yyyy-MM-dd} och kontaktperson {other.ContactName}.",
                statusCode: StatusCodes.Status409Conflict);

        var now = clock.GetUtcNow();
        var ack = new Acknowledgement
        {
            Id = Guid.NewGuid(), MessageId = tracked.Facts.Id, IdempotencyKey = idempotencyKey, RequestHash = hash,
            Status = AcknowledgementStatus.Queued, CreatedBy = me.Email, SenderName = me.Name, SenderTitle = me.Title ?? "",
            SenderPhone = me.Phone ?? "", Mailbox = owner.Email, SessionKey = owner.SessionKey,
            ContactName = facts!.Contact.Name, ContactTitle = facts.Contact.Title ?? "", ContactPhone = facts.Contact.Phone ?? "",
            ContactEmail = facts.Contact.Email, PromisedDate = facts.PromisedDate, Language = facts.Language,
            PersonalLine = facts.PersonalLine, CreatedAt = now, NextAttemptAt = now, ClaimedUntil = now + AcknowledgementOutbox.Lease,
        };
        db.Acknowledgements.Add(ack);
        try
        {
            await db.SaveChangesAsync(cancel); // recorded: from here on the outbox will send it, whatever happens
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem("Samma mottagningsbevis håller redan på att skickas. Vänta en stund och titta igen.",
                statusCode: StatusCodes.Status409Conflict);
        }
        await outbox.SendClaimedAsync(ack.Id, cancel, tracked.Message);
        return TypedResults.Created($"/api/messages/{Uri.EscapeDataString(ack.MessageId)}/promise", ResultOf(ack));
    }

    private static Results<Created<AcknowledgementResult>, Ok<AcknowledgementResult>, ValidationProblem, ProblemHttpResult> Repeat(
        Acknowledgement earlier, string hash, TimeProvider clock)
    {
        if (earlier.RequestHash != hash)
            return TypedResults.Problem("Idempotency-Key har redan använts för ett annat mottagningsbevis. Använd en ny nyckel.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        if (earlier.Status == AcknowledgementStatus.Queued && earlier.Attempts == 0 && earlier.ClaimedUntil > clock.GetUtcNow())
            return TypedResults.Problem("Mottagningsbeviset håller på att skickas. Försök igen om en stund.",
                statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Created($"/api/messages/{Uri.EscapeDataString(earlier.MessageId)}/promise", ResultOf(earlier));
    }

    private static ProblemHttpResult NoPromise(Tracked tracked) => TypedResults.Problem(
        $"Meddelandet är {Categories.Swedish(tracked.Facts.Category)} och får inget mottagningsbevis. Ändra kategorin om det är från en invånare.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    private static AcknowledgementResult ResultOf(Acknowledgement ack) =>
        new(ack.Id, ack.Status, ack.PromisedDate, ContactPerson.Of(ack));

    private static string Hash(string id, AcknowledgementRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id + "\n" + JsonSerializer.Serialize(request))));

    private static async Task<ContactPerson> MeAsync(ClaimsPrincipal user, KontaktlofteDb db, IMailbox mailbox, CancellationToken cancel) =>
        ContactPerson.Of(await MeEndpoints.LookUpAsync(user, db, mailbox, cancel));
}
