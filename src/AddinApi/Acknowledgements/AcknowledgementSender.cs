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
    public const string Category = "Kontaktlöfte: bekräftat";

    private MailboxMessage? _known;

    public string Kind => OutboxKind;

    /// <summary>The message the request has just read, so that sending it inline does not read it again.</summary>
    public void Remember(MailboxMessage message) => _known = message;

    public async Task SendAsync(Guid id, CancellationToken cancel)
    {
        var ack = await db.Acknowledgements.FirstAsync(a => a.Id == id, cancel);
        var owner = new MailboxOwner(ack.Mailbox, ack.SessionKey);
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
                    receipts.Html(FactsOf(ack, tracked)), to, tracked.Sensitive ? null : message), cancel);
                tracked.ReceiptIds = [.. tracked.ReceiptIds, ack.DraftId];
                await db.SaveChangesAsync(cancel);
            }
            var outcome = await mailbox.SendDraftAsync(owner, ack.DraftId, cancel);
            if (outcome == SendOutcome.Confirming && log.IsEnabled(LogLevel.Information))
                log.LogInformation("Mottagningsbevis {Id}: utkastet har lämnat Utkast och flyttas till Skickat (sändningen bekräftas)", id);
            ack.PersonalLine = null; // kept only until sent: it is part of a mail body
            // The citizen holds the latest date sent: an older receipt delivered late does not take a newer one back.
            if (!await NewerSentAsync(ack, cancel)) tracked.Promise(ack.PromisedDate, ack.Contact, clock.GetUtcNow());
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

    /// <summary>A dead letter keeps nothing of a mail body.</summary>
    public Task GaveUpAsync(Guid id, CancellationToken cancel) =>
        db.Acknowledgements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonalLine, (string?)null), cancel);

    private Task<bool> NewerSentAsync(Acknowledgement ack, CancellationToken cancel) =>
        db.Acknowledgements.Where(a => a.MessageId == ack.MessageId && a.Sequence > ack.Sequence)
            .Join(db.Set<OutboxItem>().Where(i => i.Status == OutboxStatus.Sent), a => a.Id, i => i.Id, (a, i) => a.Id)
            .AnyAsync(cancel);

    private async Task MarkAsync(MailboxOwner owner, MailboxMessage message, Acknowledgement ack, CancellationToken cancel)
    {
        try
        {
            await mailbox.MarkAsync(owner, message, new MessageMark(Category, $"acknowledged;{ack.PromisedDate:yyyy-MM-dd};{ack.ContactEmail}"), cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The receipt is sent; a missing category is cosmetic and must not cause a second receipt.
            log.LogWarning("Meddelandet för mottagningsbevis {Id} kunde inte märkas: {Error}", ack.Id, error.GetType().Name);
        }
    }

    public static ReceiptFacts FactsOf(Acknowledgement ack, TrackedMessage message) => new(
        Stockholm.DayOf(message.ReceivedAt), ack.PromisedDate, ack.Contact,
        new ContactPerson(ack.SenderName, ack.SenderTitle, ack.SenderPhone, ack.CreatedBy), ack.Language, ack.PersonalLine,
        message.Sensitive, ack.IsUpdate);
}
