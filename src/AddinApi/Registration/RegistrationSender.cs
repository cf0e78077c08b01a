using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Registration;

/// <summary>
/// Takes a recorded registration to the registry through the outbox: once, whatever fails in between. Lex down leaves it
/// queued ("väntar på Lex") and the outbox tries again with back-off; the registry's own idempotency (the registration's
/// id, the mail's Internet message id) makes a second try answer with the first one's numbers. Once numbered, the mail
/// gets the category <c>Registrerad KS/2026:17</c> and a waiting request is answered.
/// </summary>
internal sealed class RegistrationSender(KontaktlofteDb db, IRegistry registry, IMailbox mailbox, TimeProvider clock,
    IOptions<RegistryOptions> options, ILogger<RegistrationSender> log) : IOutboxSender
{
    public const string OutboxKind = "registration";

    public string Kind => OutboxKind;

    public async Task SendAsync(Guid id, CancellationToken cancel)
    {
        var registration = await db.Registrations.FirstAsync(r => r.Id == id, cancel);
        if (registration.State != RegistrationState.Queued) return;
        RegistryAnswer answer;
        try
        {
            answer = await registry.RegisterAsync(Order(registration), new Memo(db, registration), cancel);
        }
        catch (RegistryUnavailableException error)
        {
            registration.Problem = error.Message;
            await db.SaveChangesAsync(cancel);
            throw new RetryLaterException(error.Message, error.RetryAfter, error);
        }
        catch (RegistryRefusedException error)
        {
            registration.State = RegistrationState.Refused;
            registration.Problem = error.Message;
            db.Audit(clock.GetUtcNow(), registration.CreatedBy, "registration.refused", registration.Id, registration.Registry);
            await db.SaveChangesAsync(cancel);
            throw new CannotBeSentException(error.Message, error);
        }

        registration.State = answer.Outcome == RegistryOutcome.Registered ? RegistrationState.Registered : RegistrationState.HandedToLex;
        registration.CaseNumber = answer.Case?.Format(options.Value.SequenceDigits) ?? registration.CaseNumber;
        registration.DocumentNumber = answer.DocumentNumber;
        registration.RegisteredAt = answer.At;
        registration.Problem = null;
        // The register has what it needs: a request's copy of the subject and sender goes (design.md, Data).
        foreach (var request in await db.RegistrationRequests
                     .Where(q => q.InternetMessageId == registration.InternetMessageId && q.State == RequestState.Pending).ToListAsync(cancel))
        {
            request.State = RequestState.Registered;
            request.RegistrationId = registration.Id;
            request.DecidedBy = registration.CreatedBy;
            request.DecidedAt = answer.At;
            (request.Subject, request.FromName, request.FromAddress) = (null, null, null);
        }
        db.Audit(clock.GetUtcNow(), registration.CreatedBy, registration.State == RegistrationState.Registered ? "registration.registered" : "registration.handed-to-lex",
            registration.Id, Details(registration));
        await db.SaveChangesAsync(cancel);
        await MarkAsync(registration, cancel);
    }

    /// <summary>
    /// Given up after many tries (Lex down for hours): nothing is lost. The registration stays queued, visible as "väntar på
    /// Lex", and a registrar sends it again (<c>POST /api/registrations/{id}/retry</c>).
    /// </summary>
    public async Task GaveUpAsync(Guid id, CancellationToken cancel)
    {
        var registration = await db.Registrations.FirstAsync(r => r.Id == id, cancel);
        if (registration.State != RegistrationState.Queued) return;
        registration.Problem = "Diariet har inte svarat på länge. Registreringen ligger kvar; välj Försök igen när diariet är i gång.";
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>The audit line: numbers and choices, never a title, a party or what is kept apart.</summary>
    public static string Details(MailRegistration r) =>
        $"{r.CaseNumber ?? "nytt ärende i " + r.Series} dok {r.DocumentNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; " +
        $"{RegistrationRules.Name(r.Direction)}; {r.DocumentType}; {(r.Secret ? "sekretess " + r.SecrecyGround : "offentlig")}; {r.Registry}";

    private static RegistryOrder Order(MailRegistration r)
    {
        CaseNumber? number = r.CaseNumber is not null && CaseNumber.TryParse(r.CaseNumber, out var parsed, out _) ? parsed : null;
        return new RegistryOrder(r.Id, r.InternetMessageId, r.Direction, number,
            number is null ? new CaseToOpen(r.Series!, r.CaseTitle, r.CaseTitleKeptApart) : null,
            r.DocumentType, r.ClassificationCode, r.Officer, r.SecrecyGround,
            new RegistryEntry(r.Title, r.TitleKeptApart, r.Party, r.PartyKeptApart, r.DocumentDate, r.Attachments),
            r.Owner, r.MessageId, r.CreatedBy);
    }

    private async Task MarkAsync(MailRegistration registration, CancellationToken cancel)
    {
        if (registration.Category is not { } category) return;
        try
        {
            // The watcher keeps what it takes for the official's own categories: this one among them, so its next label keeps it.
            if (await db.Set<Promises.TrackedMessage>().FirstOrDefaultAsync(m => m.Id == registration.MessageId, cancel) is { } tracked && !tracked.OwnCategories.Contains(category))
            {
                tracked.OwnCategories = [.. tracked.OwnCategories, category];
                await db.SaveChangesAsync(cancel);
            }
            var owner = registration.Owner;
            if (await mailbox.GetMessageAsync(owner, registration.MessageId, cancel) is { } message && !message.Categories.Contains(category))
                await mailbox.MarkAsync(owner, message, new MessageMark(category, null), cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Registered is registered: a missing category is cosmetic and must not register the mail again.
            log.LogWarning("Registrering {Id}: mejlet kunde inte märkas ({Error})", registration.Id, error.GetType().Name);
        }
    }

    private sealed class Memo(KontaktlofteDb db, MailRegistration registration) : IRegistryMemo
    {
        public string? Value => registration.RegistryMemo;

        public Task SaveAsync(string value, CancellationToken cancel)
        {
            registration.RegistryMemo = value;
            return db.SaveChangesAsync(cancel);
        }
    }
}
