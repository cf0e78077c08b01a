using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Registration;

/// <summary>What the registration handlers use, bound as one parameter.</summary>
/// <remarks><c>Shared</c> is the pane's <c>?mailbox=</c>: the function mailbox the message is in; null for the caller's own.</remarks>
internal sealed record RegistrationServices(ClaimsPrincipal User, SignedInOfficial Me, IMailbox Mailbox, MessageTracker Tracker, IRegistry Registry,
    OutboxQueue Outbox, Confidentiality.ConfidentialContent Confidential, KontaktlofteDb Db, TimeProvider Clock, IOptions<RegistryOptions> Options, IOptions<OrganisationOptions> Organisation,
    [property: FromQuery(Name = "mailbox")] string? Shared)
{
    public bool Registrar => User.IsInRole(Roles.Registrator);

    public DateOnly Today => Clock.Today();
}

/// <summary>An official's request that a mail be registered.</summary>
/// <param name="Note">A note to the registrar, at most 500 characters; no personal identity numbers.</param>
/// <param name="CaseNumber">The case it belongs to, if the official knows (a reply in a registered case).</param>
public sealed record RegistrationRequestInput(string? Note, string? CaseNumber);

/// <summary>A registrar's decision on a request.</summary>
/// <param name="Decision"><c>not-registered</c>: the mail need not be registered (OSL 5 kap. 1 §).</param>
/// <param name="Reason"><c>ringa-betydelse</c> (of little importance) or <c>hålls-ordnad</c> (kept in order).</param>
/// <param name="Note">A note to the official, at most 500 characters.</param>
public sealed record RequestDecisionInput(string? Decision, string? Reason, string? Note);

public static class RegistrationEndpoints
{
    /// <summary>The feature's services: its outbox sender takes each recorded registration to the registry.</summary>
    public static WebApplicationBuilder AddRegistration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegistrationSender>();
        builder.Services.AddScoped<IOutboxSender>(services => services.GetRequiredService<RegistrationSender>());
        return builder;
    }

    public static IEndpointRouteBuilder MapRegistration(this IEndpointRouteBuilder app)
    {
        var message = app.MapGroup("/api/messages/{id}").WithTags("Registrering");
        message.MapPost("/registration", RegisterAsync)
            .WithName("Register")
            .WithSummary("Registrera mejlet i diariet (registrator)")
            .WithDescription("Nytt ärende (series, caseTitle) eller befintligt (caseNumber); inkommande, utgående eller upprättad; sekretess med grund " +
                             "i OSL. Samma mejl (internetMessageId) registreras en gång: att fråga igen ger samma nummer (200). Bilagorna registreras med mejlet.")
            .RequireAuthorization(Policies.Registrar);
        message.MapGet("/registration", ForMessageAsync)
            .WithName("MessageRegistration")
            .WithSummary("Mejlets registrering: numren när de finns, begäran, och för registratorn förslag på ärende")
            .WithDescription("En registrator som öppnar en begäran ur kön anger requestId: mejlet läses då i tjänstepersonens brevlåda.")
            .RequireAuthorization(Policies.Official);
        message.MapPost("/registration-request", RequestAsync)
            .WithName("RequestRegistration")
            .WithSummary("Be registratorn registrera mejlet")
            .WithDescription("Begäran hamnar i registratorernas kö \"Att registrera\". Du ser diarienumret här när mejlet är registrerat.")
            .RequireAuthorization(Policies.Official);

        var registrar = app.MapGroup("/api").WithTags("Registrering").RequireAuthorization(Policies.Registrar);
        registrar.MapGet("/registration-requests", RequestsAsync)
            .WithName("RegistrationRequests")
            .WithSummary("Kön \"Att registrera\": tjänstepersonernas begäranden (registrator)");
        registrar.MapPost("/registration-requests/{requestId}/decision", DecideAsync)
            .WithName("DecideRegistrationRequest")
            .WithSummary("Besluta att ett mejl inte behöver registreras (OSL 5 kap. 1 §), med skäl (registrator)");
        registrar.MapGet("/registrations", ListAsync)
            .WithName("Registrations")
            .WithSummary("Registreringar efter ärende, datum och läge (registrator); offentliga uppgifter, aldrig det som hålls isär");
        registrar.MapGet("/registrations/{registrationId}", OneAsync)
            .WithName("RegistrationEntry")
            .WithSummary("En registrering, med det som hålls isär för en sekretessmarkerad handling (registrator)");
        registrar.MapPost("/registrations/{registrationId}/retry", RetryAsync)
            .WithName("RetryRegistration")
            .WithSummary("Skicka en registrering som väntar på Lex igen (registrator)");

        app.MapGet("/api/registry/series", (IOptions<RegistryOptions> options) =>
                TypedResults.Ok(new SeriesList(options.Value.Series.Select(x => new SeriesView(x.Code, x.Name)).ToList())))
            .WithName("RegistrySeries")
            .WithTags("Registrering")
            .WithSummary("Diarieserierna (Registry:Series): kod och namn")
            .RequireAuthorization(Policies.Official);
        app.MapGet("/api/cases", ConversationCasesAsync)
            .WithName("ConversationCases")
            .WithTags("Registrering")
            .WithSummary("Ärenden där ett mejl i konversationen är registrerat (för \"registrera svaret i samma ärende\")")
            .RequireAuthorization(Policies.Official);
        app.MapGet("/api/cases/{*caseNumber}", CaseAsync)
            .WithName("Case")
            .WithTags("Registrering")
            .WithSummary("Ett ärende och dess handlingar: offentliga uppgifter för tjänstepersoner, hela ärendet för registratorn")
            .RequireAuthorization(Policies.Official);
        return app;
    }

    private static async Task<Results<Created<RegistrationView>, Ok<RegistrationView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        string id, RegistrationInput? input, [AsParameters] RegistrationServices s, CancellationToken cancel)
    {
        var organisation = s.Organisation.Value;
        if (RegistrationRules.Check(input, s.Options.Value, organisation.IsInternalAddress, s.Today, out var choice) is { } problem)
            return Invalid.Field(problem.Field, problem.Message);
        var me = await s.Me.GetAsync(cancel);

        // Whose mailbox the mail is in: the registrar's own or a function mailbox, or — for a request — the official's (their session).
        RegistrationRequest? request = null;
        MailboxOwner owner;
        if (input!.RequestId is { } requestId)
        {
            request = await s.Db.RegistrationRequests.FirstOrDefaultAsync(q => q.Id == requestId, cancel);
            if (request is null || request.MessageId != MailboxIds.Rest(id))
                return TypedResults.Problem("Begäran finns inte, eller gäller ett annat mejl.", statusCode: StatusCodes.Status404NotFound);
            owner = request.Owner;
        }
        else
        {
            owner = await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        }
        var message = await s.Mailbox.GetMessageAsync(owner, MailboxIds.Rest(id), cancel);
        if (message is null) return NotFoundMessage.Answer;
        var internetId = InternetId(message);

        // Once per mail, however many copies: the same numbers again (200).
        if (await s.Db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.InternetMessageId == internetId, cancel) is { } earlier)
        {
            if (earlier.State != RegistrationState.Refused) return TypedResults.Ok(RegistrationShow.View(await SettledAsync(earlier, s, cancel), keptApart: true));
            s.Db.Registrations.Remove(earlier); // refused by the registry: registered anew with the registrar's new choices
        }
        if (choice!.Case is { } number && await s.Registry.CaseExistsAsync(number, cancel) == false)
            return Invalid.Field("caseNumber", $"Ärendet {number.Format(s.Options.Value.SequenceDigits)} finns inte i diariet.");

        var attachments = await s.Mailbox.AttachmentNamesAsync(owner, message.Id, cancel);
        if (RegistrationRules.Entry(choice, message.Subject, message.From, message.To, message.ReceivedAt, attachments, s.Today, out var entry) is { } bad)
            return Invalid.Field(bad.Field, bad.Message);

        if (request is null) owner = await s.Mailbox.OpenForLaterAsync(s.User, cancel) with { Shared = owner.Shared };
        var now = s.Clock.GetUtcNow();
        var registration = NewRegistration(choice, entry!, message, internetId, owner, me, request, s, now);
        registration.CaseTitle = choice.Case is { } existing ? await CaseTitleAsync(existing.Format(s.Options.Value.SequenceDigits), s, cancel) ?? "" : choice.CaseTitle!;
        s.Db.Registrations.Add(registration);
        s.Db.Audit(now, me.Email, "registration.created", registration.Id, RegistrationSender.Details(registration));
        s.Outbox.Enqueue(registration.Id, RegistrationSender.OutboxKind);
        try
        {
            await s.Db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            // Another registrar registered the same mail at this moment: theirs stands.
            s.Db.ChangeTracker.Clear();
            var theirs = await s.Db.Registrations.AsNoTracking().FirstAsync(r => r.InternetMessageId == internetId, cancel);
            return TypedResults.Ok(RegistrationShow.View(await SettledAsync(theirs, s, cancel), keptApart: true));
        }
        // Recorded: the registry is asked now, and again by the outbox if it cannot answer (the caller may not cancel that).
        await s.Outbox.SendClaimedAsync(registration.Id, CancellationToken.None);
        var after = await s.Db.Registrations.AsNoTracking().FirstAsync(r => r.Id == registration.Id, cancel);
        return TypedResults.Created($"/api/registrations/{after.Id}", RegistrationShow.View(after, keptApart: true));
    }

    /// <summary>
    /// A registration of the same mail whose first attempt is under way (a double click, two registrars at once): its
    /// numbers are a moment away, so the repeat waits for them (at most 15 s) and answers with the same numbers.
    /// </summary>
    private static async Task<MailRegistration> SettledAsync(MailRegistration registration, RegistrationServices s, CancellationToken cancel)
    {
        for (var waited = 0; registration.State == RegistrationState.Queued && waited < 75; waited++)
        {
            if (await s.Outbox.FindAsync(registration.Id, cancel) is { } item && !s.Outbox.IsInFlight(item)) break;
            await Task.Delay(200, cancel);
            registration = await s.Db.Registrations.AsNoTracking().FirstAsync(r => r.Id == registration.Id, cancel);
        }
        return registration;
    }

    private static MailRegistration NewRegistration(RegistrationChoice choice, RegistryEntry entry, MailboxMessage message, string internetId,
        MailboxOwner owner, CurrentOfficial me, RegistrationRequest? request, RegistrationServices s, DateTimeOffset now)
    {
        var party = entry.Party ?? entry.PartyKeptApart;
        return new MailRegistration
        {
            Id = Guid.CreateVersion7(now), MessageId = message.Id, InternetMessageId = internetId, ConversationId = message.ConversationId,
            Mailbox = owner.Address, Direction = choice.Direction, State = RegistrationState.Queued, Registry = s.Registry.Name,
            CaseNumber = choice.Case?.Format(s.Options.Value.SequenceDigits), Series = choice.Case?.Series ?? choice.Series,
            CaseTitle = "", CaseTitleKeptApart = choice.CaseTitleKeptApart, DocumentType = choice.DocumentType,
            ClassificationCode = choice.ClassificationCode, Officer = choice.Officer, SecrecyGround = choice.SecrecyGround,
            Title = entry.Title, TitleKeptApart = entry.TitleKeptApart,
            PartyName = Cut(entry.Party?.Name, 200), PartyAddress = Cut(entry.Party?.Address, 320),
            PartyKeptApartName = Cut(entry.PartyKeptApart?.Name, 200), PartyKeptApartAddress = Cut(entry.PartyKeptApart?.Address, 320),
            PartyKey = party?.Address is { } address ? PartyKeys.Of(address) : null,
            DocumentDate = entry.Date, Attachments = [.. entry.Attachments.Take(100).Select(a => Cut(a, 255)!)],
            CreatedAt = now, CreatedBy = me.Email, SessionKey = owner.SessionKey, ActingFor = request?.RequestedBy,
        };
    }

    private static async Task<Ok<MessageRegistration>> ForMessageAsync(string id, string? requestId, [AsParameters] RegistrationServices s,
        CancellationToken cancel)
    {
        // A registrar opening a request from the queue: the mail is in the official's mailbox, reached through the request's session.
        var request = s.Registrar && Guid.TryParse(requestId, out var key)
            ? await s.Db.RegistrationRequests.AsNoTracking().FirstOrDefaultAsync(q => q.Id == key && q.MessageId == MailboxIds.Rest(id), cancel)
            : null;
        var owner = request?.Owner ?? await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        var message = await s.Mailbox.GetMessageAsync(owner, MailboxIds.Rest(id), cancel);
        if (message is null) return TypedResults.Ok(new MessageRegistration(null, null, [], null));
        var internetId = InternetId(message);
        var registration = await s.Db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.InternetMessageId == internetId, cancel);
        request = await s.Db.RegistrationRequests.AsNoTracking().Where(q => q.InternetMessageId == internetId)
            .OrderByDescending(q => q.RequestedAt).FirstOrDefaultAsync(cancel);
        if (!s.Registrar)
            // An official sees the public entry of their mail's registration, and their request.
            return TypedResults.Ok(new MessageRegistration(registration is null ? null : RegistrationShow.View(registration, keptApart: false),
                request is null ? null : RegistrationShow.Request(request, registration), [], null));

        var suggestions = registration is not null ? [] : await SuggestionsAsync(message, s, cancel);
        var tracked = await s.Db.Set<TrackedMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == message.Id, cancel);
        var attachments = registration is not null ? [] : await s.Mailbox.AttachmentNamesAsync(owner, message.Id, cancel);
        var prefill = new RegistrationPrefill(RegistrationRules.Name(DirectionOf(message, owner)), CitizenMails.OriginalSubject(message.Subject),
            message.From, Promises.Stockholm.DayOf(message.ReceivedAt),
            tracked?.Sensitive ?? false, attachments);
        return TypedResults.Ok(new MessageRegistration(registration is null ? null : RegistrationShow.View(registration, keptApart: true),
            request is null ? null : RegistrationShow.Request(request, registration), suggestions, prefill));
    }

    /// <summary>The direction from the folder: the mailbox's own mail went out, anything else came in.</summary>
    private static DocumentDirection DirectionOf(MailboxMessage message, MailboxOwner owner) =>
        string.Equals(message.From.Address, owner.Address, StringComparison.OrdinalIgnoreCase) ? DocumentDirection.Outgoing : DocumentDirection.Incoming;

    /// <summary>Cases to suggest: where another mail of the same conversation is registered, then where the same sender's is.</summary>
    private static async Task<List<CaseSuggestion>> SuggestionsAsync(MailboxMessage message, RegistrationServices s, CancellationToken cancel)
    {
        var suggestions = new List<CaseSuggestion>();
        if (message.ConversationId is { } conversation)
            suggestions.AddRange(await s.Db.Registrations.AsNoTracking()
                .Where(r => r.ConversationId == conversation && r.CaseNumber != null)
                .OrderByDescending(r => r.CreatedAt).Select(r => new CaseSuggestion(r.CaseNumber!, r.CaseTitle, "conversation")).Take(5).ToListAsync(cancel));
        if (message.From.Address is { } from)
        {
            var key = PartyKeys.Of(from);
            suggestions.AddRange(await s.Db.Registrations.AsNoTracking()
                .Where(r => r.PartyKey == key && r.CaseNumber != null)
                .OrderByDescending(r => r.CreatedAt).Select(r => new CaseSuggestion(r.CaseNumber!, r.CaseTitle, "sender")).Take(5).ToListAsync(cancel));
        }
        return suggestions.DistinctBy(c => c.CaseNumber).Select(c => c with { CaseTitle = c.CaseTitle is { Length: > 0 } ? c.CaseTitle : null }).Take(5).ToList();
    }

    private static async Task<Results<Accepted<RequestView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        string id, RegistrationRequestInput? input, [AsParameters] RegistrationServices s, CancellationToken cancel)
    {
        if (BadNote(input?.Note, s, out var note) is { } badNote) return badNote;
        string? caseNumber = null;
        if (!string.IsNullOrWhiteSpace(input?.CaseNumber))
        {
            if (!CaseNumber.TryParse(input.CaseNumber.Trim(), out var number, out var error)) return Invalid.Field("caseNumber", error);
            if (s.Options.Value.Find(number.Value.Series) is null)
                return Invalid.Field("caseNumber", $"Diarieserien {number.Value.Series} finns inte.");
            caseNumber = number.Value.Format(s.Options.Value.SequenceDigits);
        }
        var me = await s.Me.GetAsync(cancel);
        var owner = await s.Mailbox.OpenAsync(s.User, s.Shared, cancel);
        var message = await s.Mailbox.GetMessageAsync(owner, MailboxIds.Rest(id), cancel);
        if (message is null) return NotFoundMessage.Answer;
        // Mail that came in is tracked (classified: a sensitive one keeps no subject); the official's own reply — asked for
        // from compose, "registrera svaret i samma ärende" — is not a citizen's mail and is not tracked.
        var outgoing = string.Equals(message.From.Address, owner.Address, StringComparison.OrdinalIgnoreCase);
        var facts = outgoing ? null : (await s.Tracker.TrackAsync(message, owner.Address, null, cancel)).Facts;
        var internetId = InternetId(message);
        var registration = await s.Db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.InternetMessageId == internetId, cancel);
        // Asked already (by anyone), or registered already: the same answer, no second entry in the queue.
        if (await s.Db.RegistrationRequests.AsNoTracking()
                .Where(q => q.InternetMessageId == internetId && q.State != RequestState.NotRegistered).OrderByDescending(q => q.RequestedAt)
                .FirstOrDefaultAsync(cancel) is { } asked)
            return TypedResults.Accepted($"/api/messages/{Uri.EscapeDataString(message.Id)}/registration", RegistrationShow.Request(asked, registration));

        owner = await s.Mailbox.OpenForLaterAsync(s.User, cancel) with { Shared = owner.Shared };
        var now = s.Clock.GetUtcNow();
        var sensitive = facts?.Sensitive ?? s.Confidential.Find(message.Subject).Count > 0;
        var request = new RegistrationRequest
        {
            Id = Guid.CreateVersion7(now), MessageId = message.Id, InternetMessageId = internetId, ConversationId = message.ConversationId,
            Mailbox = owner.Address, RequestedBy = me.Email, RequestedByName = me.Name, SessionKey = owner.SessionKey, RequestedAt = now, Note = note,
            CaseNumber = caseNumber, ReceivedAt = facts?.ReceivedAt ?? message.ReceivedAt, Sensitive = sensitive, WebLink = facts?.WebLink,
            // The queue shows what the mail is while it waits; never for a sensitive mail (design.md, Data).
            Subject = sensitive ? null : Cut(CitizenMails.OriginalSubject(message.Subject), 500),
            FromName = sensitive ? null : Cut(message.From.Name, 200), FromAddress = sensitive ? null : Cut(message.From.Address, 320),
            State = registration is null ? RequestState.Pending : RequestState.Registered, RegistrationId = registration?.Id,
        };
        if (registration is not null) (request.Subject, request.FromName, request.FromAddress) = (null, null, null);
        s.Db.RegistrationRequests.Add(request);
        s.Db.Audit(now, me.Email, "registration-request.created", request.Id, caseNumber);
        await s.Db.SaveChangesAsync(cancel);
        return TypedResults.Accepted($"/api/messages/{Uri.EscapeDataString(message.Id)}/registration", RegistrationShow.Request(request, registration));
    }

    private static async Task<Results<Ok<RequestList>, ValidationProblem>> RequestsAsync(string? state, [AsParameters] RegistrationServices s,
        CancellationToken cancel)
    {
        if (state is not (null or "" or "pending" or "registered" or "not-registered" or "all"))
            return Invalid.Field("state", "Läget ska vara pending, registered, not-registered eller all.");
        RequestState? wanted = state switch
        {
            "registered" => RequestState.Registered,
            "not-registered" => RequestState.NotRegistered,
            "all" => null,
            _ => RequestState.Pending,
        };
        var requests = await s.Db.RegistrationRequests.AsNoTracking().Where(q => wanted == null || q.State == wanted)
            .OrderBy(q => q.RequestedAt).Take(500).ToListAsync(cancel);
        var ids = requests.Where(q => q.RegistrationId != null).Select(q => q.RegistrationId!.Value).ToList();
        var registrations = await s.Db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancel);
        return TypedResults.Ok(new RequestList(requests
            .Select(q => RegistrationShow.Request(q, q.RegistrationId is { } r ? registrations.GetValueOrDefault(r) : null)).ToList()));
    }

    private static async Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> DecideAsync(string requestId, RequestDecisionInput? input,
        [AsParameters] RegistrationServices s, CancellationToken cancel)
    {
        if (input?.Decision?.Trim() != "not-registered")
            return Invalid.Field("decision", "Beslutet ska vara not-registered. Ett mejl som ska registreras registrerar du i stället.");
        NotRegisteredReason? reason = input.Reason?.Trim() switch
        {
            "ringa-betydelse" => NotRegisteredReason.LittleImportance,
            "hålls-ordnad" => NotRegisteredReason.KeptInOrder,
            _ => null,
        };
        if (reason is null)
            return Invalid.Field("reason", "Ange skälet: ringa-betydelse (av ringa betydelse) eller hålls-ordnad (hålls ordnad), OSL 5 kap. 1 §.");
        if (BadNote(input.Note, s, out var note) is { } badNote) return badNote;
        var request = Guid.TryParse(requestId, out var key) ? await s.Db.RegistrationRequests.FirstOrDefaultAsync(q => q.Id == key, cancel) : null;
        if (request is null) return TypedResults.Problem("Begäran finns inte.", statusCode: StatusCodes.Status404NotFound);
        if (request.State != RequestState.Pending)
            return TypedResults.Problem($"Begäran är redan avgjord: {RegistrationShow.RequestStateText(request.State)}.", statusCode: StatusCodes.Status409Conflict);
        var me = await s.Me.GetAsync(cancel);
        var now = s.Clock.GetUtcNow();
        (request.State, request.Reason, request.DecisionNote, request.DecidedBy, request.DecidedAt) = (RequestState.NotRegistered, reason, note, me.Email, now);
        (request.Subject, request.FromName, request.FromAddress, request.SessionKey) = (null, null, null, null);
        s.Db.Audit(now, me.Email, "registration-request.decided", request.Id, "not-registered: " + RegistrationShow.Reason(reason.Value));
        await s.Db.SaveChangesAsync(cancel);
        return TypedResults.Ok(RegistrationShow.Request(request, null));
    }

    /// <summary>A note to the registrar or the official: at most 500 characters, and never a personal identity number.</summary>
    private static ValidationProblem? BadNote(string? text, RegistrationServices s, out string? note)
    {
        note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (note?.Length > RegistrationRequest.MaxNote) return Invalid.Field("note", $"Anteckningen får vara högst {RegistrationRequest.MaxNote} tecken.");
        return note is not null && Confidentiality.PersonalIdentityNumber.Find(note, s.Today).Any()
            ? Invalid.Field("note", "Skriv inte personnummer i anteckningen.") : null;
    }

    private static async Task<Results<Ok<RegistrationList>, ValidationProblem>> ListAsync(string? caseNumber, DateOnly? from, DateOnly? to, string? state,
        [AsParameters] RegistrationServices s, CancellationToken cancel)
    {
        var query = s.Db.Registrations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            if (!CaseNumber.TryParse(caseNumber.Trim(), out var number, out var error)) return Invalid.Field("caseNumber", error);
            var written = number.Value.Format(s.Options.Value.SequenceDigits);
            query = query.Where(r => r.CaseNumber == written);
        }
        if (from is { Year: < CaseNumber.MinYear or > CaseNumber.MaxYear }) return Invalid.Field("from", "Från-datumet ska vara mellan år 2000 och 2099.");
        if (to is { Year: < CaseNumber.MinYear or > CaseNumber.MaxYear }) return Invalid.Field("to", "Till-datumet ska vara mellan år 2000 och 2099.");
        if (from > to) return Invalid.Field("from", "Från-datumet ska vara före till-datumet.");
        if (from is { } f) { var start = Stockholm(f); query = query.Where(r => r.CreatedAt >= start); }
        if (to is { } t) { var end = Stockholm(t.AddDays(1)); query = query.Where(r => r.CreatedAt < end); }
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (RegistrationShow.ParseState(state.Trim()) is not { } wanted)
                return Invalid.Field("state", "Läget ska vara queued, registered, handed-to-lex eller refused.");
            query = query.Where(r => r.State == wanted);
        }
        var items = await query.OrderByDescending(r => r.CreatedAt).Take(1000).ToListAsync(cancel);
        // A list never carries what a secret record keeps apart (OSL 5 kap. 2 §), not even for a registrar.
        return TypedResults.Ok(new RegistrationList(items.Select(r => RegistrationShow.View(r, keptApart: false)).ToList()));
    }

    private static async Task<Results<Ok<RegistrationView>, NotFound>> OneAsync(string registrationId, [AsParameters] RegistrationServices s, CancellationToken cancel) =>
        Guid.TryParse(registrationId, out var key) && await s.Db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == key, cancel) is { } r
            ? TypedResults.Ok(RegistrationShow.View(r, keptApart: true)) : TypedResults.NotFound();

    private static async Task<Results<Accepted<RegistrationView>, NotFound, ProblemHttpResult>> RetryAsync(string registrationId,
        [AsParameters] RegistrationServices s, CancellationToken cancel)
    {
        var registration = Guid.TryParse(registrationId, out var key) ? await s.Db.Registrations.FirstOrDefaultAsync(r => r.Id == key, cancel) : null;
        if (registration is null) return TypedResults.NotFound();
        if (registration.State != RegistrationState.Queued)
            return TypedResults.Problem("Bara en registrering som väntar kan skickas igen.", statusCode: StatusCodes.Status409Conflict);
        var me = await s.Me.GetAsync(cancel);
        await s.Outbox.RetryAsync(registration.Id, RegistrationSender.OutboxKind, cancel);
        s.Db.Audit(s.Clock.GetUtcNow(), me.Email, "registration.retried", registration.Id, registration.Registry);
        await s.Db.SaveChangesAsync(cancel);
        return TypedResults.Accepted($"/api/registrations/{registration.Id}", RegistrationShow.View(registration, keptApart: false));
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, NotFound>> CaseAsync(string caseNumber, [AsParameters] RegistrationServices s,
        CancellationToken cancel)
    {
        if (!CaseNumber.TryParse(Uri.UnescapeDataString(caseNumber).Trim(), out var number, out var error)) return Invalid.Field("caseNumber", error);
        var written = number.Value.Format(s.Options.Value.SequenceDigits);
        var documents = await s.Db.Registrations.AsNoTracking().Where(r => r.CaseNumber == written)
            .OrderBy(r => r.DocumentNumber ?? int.MaxValue).ThenBy(r => r.CreatedAt).ToListAsync(cancel);
        var title = await CaseTitleAsync(written, s, cancel);
        if (documents.Count == 0 && title is null) return TypedResults.NotFound();
        // Officials see the public entries; a registrar the whole case, what is kept apart included.
        var keptApart = s.Registrar;
        var titleKeptApart = keptApart ? documents.Select(d => d.CaseTitleKeptApart).FirstOrDefault(t => t is not null) : null;
        return TypedResults.Ok(new CaseView(written, title, titleKeptApart, documents.Select(d => RegistrationShow.View(d, keptApart)).ToList()));
    }

    private static async Task<Results<Ok<ConversationCases>, ValidationProblem>> ConversationCasesAsync(string? conversationId,
        [AsParameters] RegistrationServices s, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(conversationId) || conversationId.Length > 512)
            return Invalid.Field("conversationId", "Ange conversationId: konversationens id från Outlook.");
        var cases = await s.Db.Registrations.AsNoTracking().Where(r => r.ConversationId == conversationId && r.CaseNumber != null)
            .OrderByDescending(r => r.CreatedAt).Select(r => new { r.CaseNumber, r.CaseTitle }).Take(20).ToListAsync(cancel);
        return TypedResults.Ok(new ConversationCases(cases.DistinctBy(c => c.CaseNumber)
            .Select(c => new CaseSuggestion(c.CaseNumber!, c.CaseTitle.Length > 0 ? c.CaseTitle : null, "conversation")).ToList()));
    }

    /// <summary>A case's public title: from the first registration that opened or named it, else from the embedded registry.</summary>
    private static async Task<string?> CaseTitleAsync(string written, RegistrationServices s, CancellationToken cancel)
    {
        var known = await s.Db.Registrations.AsNoTracking().Where(r => r.CaseNumber == written && r.CaseTitle != "")
            .OrderBy(r => r.CreatedAt).Select(r => r.CaseTitle).FirstOrDefaultAsync(cancel);
        if (known is not null || !CaseNumber.TryParse(written, out var number, out _)) return known;
        var (series, year, sequence) = (number.Value.Series, number.Value.Year, number.Value.Sequence);
        return await s.Db.Set<Registry.Embedded.RegistryCase>().AsNoTracking()
            .Where(c => c.Series == series && c.Year == year && c.Sequence == sequence).Select(c => c.Title).FirstOrDefaultAsync(cancel);
    }

    /// <summary>The mail's Internet message id; a message without one (a draft the store has not given one) is known by its mailbox id.</summary>
    private static string InternetId(MailboxMessage message) => message.InternetMessageId is { Length: > 0 and <= 998 } id ? id : $"<{message.Id}>";

    private static DateTimeOffset Stockholm(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Promises.Stockholm.Zone.GetUtcOffset(local));
    }

    private static string? Cut(string? text, int most) => text is null ? null : text.Length <= most ? text : text[..most];
}

/// <summary>A keyed hash of a party's address: the same sender's cases are found without searching the parties themselves.</summary>
internal static class PartyKeys
{
    public static string Of(string address) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes("kontaktlofte-party:" + address.Trim().ToLowerInvariant())));
}
