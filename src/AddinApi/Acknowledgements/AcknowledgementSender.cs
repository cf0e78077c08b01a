using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>
/// Delivers a recorded receipt through the mailbox, once. The reply draft's id is saved before sending, so a retry
/// sends the same draft (and finds it already sent, if the crash came after Graph sent it). Once sent, the promise
/// of the message holds the date and the contact person.
/// </summary>
internal sealed class AcknowledgementSender(KontaktlofteDb db, IMailbox mailbox, ReceiptText receipts, TimeProvider clock,
    IOptions<OrganisationOptions> organisation, ILogger<AcknowledgementSender> log) : IOutboxSender
{
    public const string OutboxKind = "acknowledgement";
    public const string Category = PromiseLabels.Acknowledged;

    /// <summary>How long a draft that left Drafts may take to show up in Sent Items before it counts as deleted.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(15);

    private MailboxMessage? _known;

    public string Kind => OutboxKind;

    /// <summary>The message the request has just read, so that sending it inline does not read it again.</summary>
    public void Remember(MailboxMessage message) => _known = message;

    public async Task SendAsync(Guid id, CancellationToken cancel)
    {
        var ack = await db.Acknowledgements.FirstAsync(a => a.Id == id, cancel);
        // The official acts (their session); in a function mailbox the receipt is made and sent there, from its address.
        var owner = MailboxOwner.Acting(ack.CreatedBy, ack.SessionKey, ack.Mailbox);
        try
        {
            var message = _known?.Id == ack.MessageId ? _known : await mailbox.GetMessageAsync(owner, ack.MessageId, cancel)
                ?? throw new CannotBeSentException("Meddelandet finns inte längre i brevlådan (det kan ha flyttats eller tagits bort). Svara invånaren på annat sätt.");
            var tracked = await db.Messages.FirstAsync(m => m.Id == ack.MessageId, cancel);
            if (ack.DraftId is null)
            {
                var citizen = CitizenMails.Of(message, organisation.Value);
                // The citizen's own text is quoted below, as in any reply — not for a sensitive message, whose receipt says
                // nothing of what it is about. Graph's createReply answers the sender: a forward's citizen, or a Reply-To (a web form's citizen), is named.
                var to = string.Equals(citizen.AnswerTo.Address, message.From.Address, StringComparison.OrdinalIgnoreCase) ? null : citizen.AnswerTo;
                ack.DraftId = await mailbox.CreateReplyDraftAsync(owner, ack.MessageId, new ReplyDraft(ReceiptText.Subject(ack.Language, ack.IsUpdate),
                    receipts.Html(FactsOf(ack, tracked)), to, Quoting(message, citizen, tracked.Sensitive)), cancel);
                tracked.ReceiptIds = [.. tracked.ReceiptIds, ack.DraftId];
                await db.SaveChangesAsync(cancel);
            }
            if (await mailbox.SendDraftAsync(owner, ack.DraftId, cancel) == SendOutcome.Confirming)
                // Graph's copy in Sent Items may take a while to appear (Microsoft: "may not succeed immediately"); a draft
                // that never shows up again was deleted, and nothing reached the citizen.
                throw clock.GetUtcNow() - ack.CreatedAt < ConfirmWithin
                    ? new RetryLaterException("Mottagningsbeviset är på väg till Skickat objekt; sändningen bekräftas.", TimeSpan.FromSeconds(30))
                    : new CannotBeSentException(
                        "Utkastet till mottagningsbeviset finns inte längre och syns inte bland Skickade objekt (det kan ha tagits bort). Skicka igen.");
            ack.PersonalLine = null; // kept only until sent: it is part of a mail body
            // The citizen holds the latest date sent: an older receipt delivered late does not take a newer one back.
            if (!await NewerSentAsync(ack, cancel)) tracked.Promise(ack.PromisedDate, ack.Contact, clock.GetUtcNow());
            // The outbox acts in the official's session and name: the line is theirs.
            db.Audit(clock.GetUtcNow(), ack.CreatedBy, AcknowledgementAudit.Sent, ack.Id, AcknowledgementAudit.Details(ack));
            await db.SaveChangesAsync(cancel);
            await MarkAsync(owner, message, ack, cancel);
        }
        catch (MailboxUnavailableException error)
        {
            throw new RetryLaterException(error.Message, error.RetryAfter, error);
        }
        catch (MailboxRefusedException error)
        {
            throw new CannotBeSentException(error.Message, error);
        }
    }

    /// <summary>A dead letter keeps nothing of a mail body; the audit line is saved with the outbox's "failed".</summary>
    public async Task GaveUpAsync(Guid id, CancellationToken cancel)
    {
        await db.Acknowledgements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonalLine, (string?)null), cancel);
        if (await db.Acknowledgements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancel) is { } ack)
            db.Audit(clock.GetUtcNow(), ack.CreatedBy, AcknowledgementAudit.Failed, ack.Id, AcknowledgementAudit.Details(ack));
    }

    private Task<bool> NewerSentAsync(Acknowledgement ack, CancellationToken cancel) =>
        db.Acknowledgements.Where(a => a.MessageId == ack.MessageId && a.Sequence > ack.Sequence)
            .Join(db.Set<OutboxItem>().Where(i => i.Status == OutboxStatus.Sent), a => a.Id, i => i.Id, (a, i) => a.Id)
            .AnyAsync(cancel);

    private async Task MarkAsync(MailboxOwner owner, MailboxMessage message, Acknowledgement ack, CancellationToken cancel)
    {
        try
        {
            await mailbox.MarkAsync(owner, message, new MessageMark(Category, $"acknowledged;{ack.PromisedDate:yyyy-MM-dd};{ack.ContactEmail}",
                PromiseLabels.All.Select(l => l.Name).ToList()), cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The receipt is sent; a missing category is cosmetic and must not cause a second receipt.
            log.LogWarning("Meddelandet för mottagningsbevis {Id} kunde inte märkas: {Error}", ack.Id, error.GetType().Name);
        }
    }

    /// <summary>
    /// What is quoted below the receipt: what the citizen wrote. Of a forward only the citizen's own part, under their
    /// name and date — never the colleague's note or the internal chain above it. Of a sensitive message nothing.
    /// </summary>
    public static MailboxMessage? Quoting(MailboxMessage message, CitizenMail citizen, bool sensitive) =>
        sensitive ? null
        : citizen.ForwardedBy is null ? message
        : message with
        {
            From = citizen.Citizen, Subject = CitizenMails.OriginalSubject(message.Subject), ReceivedAt = citizen.ReceivedAt,
            BodyHtml = null, BodyText = citizen.ForwardedText ?? "",
        };

    /// <summary>The whole text that goes out: the receipt, then the quote.</summary>
    public static string FullHtml(ReceiptText receipts, ReceiptFacts facts, Tracked tracked, DateOnly today) =>
        receipts.Html(facts) + (Quoting(tracked.Message, tracked.Citizen, tracked.Facts.Sensitive) is { } quoted ? ReplyQuote.Html(quoted, today) : "");

    public static ReceiptFacts FactsOf(Acknowledgement ack, TrackedMessage message) => new(
        Stockholm.DayOf(message.ReceivedAt), ack.PromisedDate, ack.Contact,
        new ContactPerson(ack.SenderName, ack.SenderTitle, ack.SenderPhone, ack.CreatedBy), ack.Language, ack.PersonalLine,
        message.Sensitive, ack.IsUpdate);
}
