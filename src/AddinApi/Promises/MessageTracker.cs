using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Promises.Classification;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>Where a promise stands; <see cref="HandedOver"/>: it left this mailbox with a hand-over and is kept by the new holder.</summary>
public enum PromiseState { Open, Acknowledged, Answered, Overdue, HandedOver }

/// <summary>A message read from the mailbox together with what the product tracks of it.</summary>
internal sealed record Tracked(MailboxMessage Message, TrackedMessage Facts, MessageClassification Classification, CitizenMail Citizen);

/// <summary>
/// Starts tracking a message the first time an official looks at it (classifies it and fixes its due date),
/// and tells the state of its promise: open, acknowledged, answered or overdue.
/// </summary>
internal sealed class MessageTracker(KontaktlofteDb db, IMailbox mailbox, MessageClassifier classifier, DueDates dueDates, TimeProvider clock,
    IOptions<OrganisationOptions> organisation)
{
    /// <summary>The tracked facts of a message, compiled once: the pane asks for a promise each time a mail is opened (README, Load).</summary>
    private static readonly CompiledQuery<Func<KontaktlofteDb, string, CancellationToken, Task<TrackedMessage?>>> FactsOf = new(() =>
        EF.CompileAsyncQuery((KontaktlofteDb db, string id, CancellationToken cancel) => db.Set<TrackedMessage>().FirstOrDefault(m => m.Id == id)));

    public async Task<Tracked?> TrackAsync(MailboxOwner owner, string id, CancellationToken cancel)
    {
        var message = await mailbox.GetMessageAsync(owner, MailboxIds.Rest(id), cancel);
        return message is null ? null : await TrackAsync(message, owner.Address, null, cancel);
    }

    /// <summary>
    /// Tracks a message read from <paramref name="mailboxAddress"/> — by an official opening it, or by the watcher when it
    /// arrives: classified, its received date (FL 22 §) and due date fixed, once. Graph answers with the immutable id
    /// whatever id the add-in sent (Prefer: IdType="ImmutableId"): tracked by that.
    /// </summary>
    public async Task<Tracked> TrackAsync(MailboxMessage message, string mailboxAddress, string? webLink, CancellationToken cancel)
    {
        var citizen = CitizenMails.Of(message, organisation.Value);
        var classification = Classify(message, citizen);
        var id = message.Id;
        var facts = await FactsOf.For(db)(db, id, cancel);
        if (facts is null && await HandedOverAsync(message, cancel) is { } from)
            facts = Inherit(message, from, mailboxAddress, webLink, citizen);
        if (facts is null)
        {
            var hasPromise = DueDates.HasPromise(classification.Category);
            var keepsWho = hasPromise && !classification.Sensitive;
            facts = new TrackedMessage
            {
                Id = id,
                Mailbox = mailboxAddress,
                InternetMessageId = message.InternetMessageId,
                ConversationId = message.ConversationId,
                ReceivedAt = citizen.ReceivedAt,
                Category = classification.Category,
                Language = classification.Language,
                Sensitive = classification.Sensitive,
                DueDate = dueDates.DueDate(Stockholm.DayOf(citizen.ReceivedAt), classification.Category),
                CitizenName = keepsWho ? Trim(citizen.Citizen.Name, 200) : null,
                CitizenAddress = keepsWho ? Trim(citizen.Citizen.Address, 320) : null,
                Subject = keepsWho ? Trim(CitizenMails.OriginalSubject(message.Subject), 500) : null,
                AnswerTo = citizen.AnswerOnlyTo is not { } answerTo ? null
                    : classification.Sensitive ? TrackedMessage.Pseudonym(answerTo) : Trim(answerTo, 320),
                WebLink = webLink is { Length: <= 2048 } ? webLink : null,
            };
        }
        if (db.Entry(facts).State == EntityState.Detached)
        {
            db.Messages.Add(facts);
            try
            {
                await db.SaveChangesAsync(cancel);
            }
            catch (DbUpdateException)
            {
                // Another request (a second pane, a colleague, the watcher) started tracking it at the same moment: use theirs.
                db.Entry(facts).State = EntityState.Detached;
                facts = await db.Messages.FirstAsync(m => m.Id == id, cancel);
            }
        }
        return new Tracked(message, facts, classification, citizen);
    }

    /// <summary>The promise a hand-over forwarded: found by the forward's Internet message id, the same in every mailbox it reaches.</summary>
    private Task<TrackedMessage?> HandedOverAsync(MailboxMessage message, CancellationToken cancel) =>
        message.InternetMessageId is { } sent
            ? db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.HandoverInternetMessageId == sent && m.HandedOverAt != null, cancel)
            : Task.FromResult<TrackedMessage?>(null);

    /// <summary>
    /// The copy a hand-over brought keeps the citizen's promise as it stood: the day the municipality received the mail
    /// (FL 22 §), its category and due date, a date already promised — and the new holder as contact person. It is answered
    /// only by a mail to the citizen.
    /// </summary>
    private static TrackedMessage Inherit(MailboxMessage message, TrackedMessage from, string mailboxAddress, string? webLink, CitizenMail citizen) => new()
    {
        Id = message.Id,
        Mailbox = mailboxAddress,
        InternetMessageId = message.InternetMessageId,
        ConversationId = message.ConversationId,
        ReceivedAt = from.ReceivedAt,
        Category = from.Category,
        CategoryChosenByOfficial = from.CategoryChosenByOfficial,
        Language = from.Language,
        Sensitive = from.Sensitive,
        DueDate = from.DueDate,
        PromisedDate = from.PromisedDate,
        AcknowledgedAt = from.AcknowledgedAt,
        ContactName = from.HandedOverToName ?? from.HandedOverTo,
        ContactEmail = from.HandedOverTo,
        CitizenName = from.CitizenName,
        CitizenAddress = from.CitizenAddress,
        Subject = from.Subject,
        // Only a mail to the citizen answers the copy (the forward came from a colleague); a sensitive mail keeps the address hashed.
        AnswerTo = from.CitizenAddress ?? from.AnswerTo
                   ?? (citizen.AnswerOnlyTo is { } answerTo ? (from.Sensitive ? TrackedMessage.Pseudonym(answerTo) : Trim(answerTo, 320)) : null),
        WebLink = webLink is { Length: <= 2048 } ? webLink : null,
        HandedOverBy = from.HandedOverBy,
        HandedOverByName = from.HandedOverByName,
    };

    private static string? Trim(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];

    /// <summary>A forward is classified by the citizen's own text, as if it had come straight in; a web form as the citizen's.</summary>
    private MessageClassification Classify(MailboxMessage message, CitizenMail citizen)
    {
        if (citizen.SentBy is not null)
        {
            // A web form's mail is the citizen's: classified as theirs, the form system's own marks set aside.
            var form = classifier.Classify(new(citizen.Citizen.Name, citizen.Citizen.Address, message.Subject, message.BodyText, message.BodyHtml,
                message.Headers), viaWebForm: true);
            return form.Category == MessageCategory.Automatic ? form : form with
            {
                Reasons = [$"Skickat via kommunens e-tjänst för {citizen.Citizen.Name ?? citizen.Citizen.Address}: invånaren väntar på svar.", .. form.Reasons],
            };
        }
        if (citizen.ForwardedBy is not { } by)
            return classifier.Classify(new(message.From.Name, message.From.Address, message.Subject, message.BodyText, message.BodyHtml, message.Headers));
        var classification = classifier.Classify(new(citizen.Citizen.Name, citizen.Citizen.Address, CitizenMails.OriginalSubject(message.Subject),
            citizen.ForwardedText, null, new Dictionary<string, string>()));
        // The colleague's note may hold what the citizen's text does not ("skyddad identitet"): sensitive is read from the whole mail.
        var whole = classifier.Classify(new(message.From.Name, message.From.Address, message.Subject, message.BodyText, message.BodyHtml, message.Headers));
        return classification with
        {
            Sensitive = classification.Sensitive || whole.Sensitive,
            Reasons = [$"Vidarebefordrat av {by.Name ?? by.Address} från {citizen.Citizen.Name ?? citizen.Citizen.Address}: kontaktlöftet räknas från " +
                       $"{Stockholm.DayOf(citizen.ReceivedAt):yyyy-MM-dd}, då kommunen först tog emot mejlet (FL 22 §). Mottagningsbeviset går till invånaren.",
                       .. classification.Reasons],
        };
    }

    /// <summary>An answer that leaves no sent mail (a phone call, a meeting): the promise is kept from now.</summary>
    public async Task MarkAnsweredAsync(Tracked tracked, AnswerKind how, string? note, CancellationToken cancel)
    {
        tracked.Facts.AnsweredAt ??= clock.GetUtcNow();
        tracked.Facts.AnsweredHow = how;
        tracked.Facts.AnswerNote = note;
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>The official's choice of category stands: the due date follows it.</summary>
    public async Task ChangeCategoryAsync(Tracked tracked, MessageCategory category, CancellationToken cancel)
    {
        tracked.Facts.Category = category;
        tracked.Facts.CategoryChosenByOfficial = true;
        tracked.Facts.DueDate = dueDates.DueDate(Stockholm.DayOf(tracked.Facts.ReceivedAt), category);
        await db.SaveChangesAsync(cancel);
    }

    public async Task<Promise> PromiseOfAsync(MailboxOwner owner, Tracked tracked, CancellationToken cancel)
    {
        var facts = tracked.Facts;
        if (facts.AnsweredAt is null && facts.HandedOverAt is null)
        {
            facts.AnsweredAt = await mailbox.AnsweredAtAsync(owner, tracked.Message, facts.ReceiptIds, tracked.Citizen.AnswerOnlyTo, cancel);
            if (facts.AnsweredAt is not null)
            {
                facts.AnsweredHow = AnswerKind.Mail;
                await db.SaveChangesAsync(cancel);
            }
        }

        var hasPromise = DueDates.HasPromise(facts.Category);
        var (deadline, state) = dueDates.Standing(facts, clock.Today());
        return new Promise(facts.Category, facts.Language, facts.ReceivedAt,
            hasPromise ? facts.DueDate : null, hasPromise ? deadline.WorkingDaysLeft : null, state,
            facts.Contact, facts.PromisedDate, facts.Sensitive, facts.CategoryChosenByOfficial, tracked.Classification.Reasons,
            facts.AnsweredHow, facts.AnswerNote)
        {
            HandedOverBy = facts.HandedOverAt is null && facts.HandedOverBy is { } by ? new MailAddress(facts.HandedOverByName, by) : null,
            HandedOverTo = facts.HandedOverTo is { } to ? new MailAddress(facts.HandedOverToName, to) : null,
            HandedOverAt = facts.HandedOverAt,
        };
    }
}

/// <summary>The promise made to the citizen who wrote a message, and how it stands.</summary>
/// <param name="Category">What the message is; the official may change it.</param>
/// <param name="Language">The citizen's language (sv, fi, en).</param>
/// <param name="ReceivedAt">When the message arrived.</param>
/// <param name="DueDate">The last day of the two-working-day promise; null for internal and automatic mail.</param>
/// <param name="WorkingDaysLeft">Working days left to the promised date if acknowledged, else to the due date; negative when overdue.</param>
/// <param name="State">open, acknowledged, answered or overdue.</param>
/// <param name="ContactPerson">The contact person named in the acknowledgement.</param>
/// <param name="PromisedDate">The answer date promised in the acknowledgement.</param>
/// <param name="Sensitive">True when the message holds secret or sensitive data: register it and remove it from the mailbox.</param>
/// <param name="CategoryChosenByOfficial">True when an official set the category.</param>
/// <param name="Reasons">Why the message was classified so, and what to do.</param>
/// <param name="AnsweredHow">mail, called-back or answered-elsewhere once answered; null before.</param>
/// <param name="AnswerNote">The official's note on an answer that left no mail.</param>
public sealed record Promise(MessageCategory Category, string Language, DateTimeOffset ReceivedAt, DateOnly? DueDate,
    int? WorkingDaysLeft, PromiseState State, ContactPerson? ContactPerson, DateOnly? PromisedDate,
    bool Sensitive, bool CategoryChosenByOfficial, IReadOnlyList<string> Reasons, AnswerKind? AnsweredHow, string? AnswerNote)
{
    /// <summary>The colleague who handed this copy over to its mailbox ("överlämnat av …"); null when it came straight in.</summary>
    public MailAddress? HandedOverBy { get; init; }
    /// <summary>To whom this copy was handed over; its promise is theirs since <see cref="HandedOverAt"/>.</summary>
    public MailAddress? HandedOverTo { get; init; }
    public DateTimeOffset? HandedOverAt { get; init; }
}
