using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// Delivers a recorded hand-over, once: the forward to the new holder, then (if chosen) the note to the citizen. Each
/// draft's id is saved before it is sent, so a retry sends the same draft; both are the product's own mail in the
/// mailbox, never the answer to the citizen. If the forward can never be sent, the hand-over is undone: the promise
/// stays with the official, in their worklist.
/// </summary>
internal sealed class HandoverSender(KontaktlofteDb db, IMailbox mailbox, TimeProvider clock, IOptions<OrganisationOptions> organisation)
    : IOutboxSender
{
    public const string OutboxKind = "handover";

    public string Kind => OutboxKind;

    public async Task SendAsync(Guid id, CancellationToken cancel)
    {
        var handover = await db.Handovers.FirstAsync(h => h.Id == id, cancel);
        var tracked = await db.Messages.FirstAsync(m => m.Id == handover.MessageId, cancel);
        var owner = handover.Owner;
        var answerBy = tracked.PromisedDate ?? tracked.DueDate;
        await MailboxSends.Through(async () =>
        {
            if (handover.ForwardDraftId is null)
            {
                var draft = await mailbox.CreateForwardDraftAsync(owner, handover.MessageId, new MailAddress(handover.ToName, handover.ToAddress),
                    HandoverText.Forward(handover.ByName, answerBy, tracked.PromisedDate is not null, handover.NotifyCitizen, handover.Note), cancel);
                handover.ForwardDraftId = draft.Id;
                // The copy that arrives in the new mailbox is found by this id, and takes the promise over.
                tracked.HandoverInternetMessageId = draft.InternetMessageId;
                tracked.ReceiptIds = [.. tracked.ReceiptIds, draft.Id];
                await db.SaveChangesAsync(cancel);
            }
            if (!handover.ForwardSent)
            {
                await SendDraftAsync(owner, handover.ForwardDraftId, handover, "Vidarebefordringen", cancel);
                handover.ForwardSent = true;
                handover.Note = null; // kept only until sent: it is part of a mail body
                if (!handover.NotifyCitizen)
                    db.Audit(clock.GetUtcNow(), handover.CreatedBy, HandoverAudit.Sent, handover.Id, HandoverAudit.Outcome(handover, citizenTold: false));
                await db.SaveChangesAsync(cancel);
            }
            if (!handover.NotifyCitizen) return;
            if (handover.NoticeDraftId is null)
            {
                var message = await mailbox.GetMessageAsync(owner, handover.MessageId, cancel)
                    ?? throw new CannotBeSentException("Meddelandet finns inte längre i brevlådan; invånaren fick inget besked om den nya kontaktpersonen.");
                var citizen = CitizenMails.Of(message, organisation.Value);
                var to = string.Equals(citizen.AnswerTo.Address, message.From.Address, StringComparison.OrdinalIgnoreCase) ? null : citizen.AnswerTo;
                handover.NoticeDraftId = await mailbox.CreateReplyDraftAsync(owner, handover.MessageId, new ReplyDraft(HandoverText.Subject(tracked.Language),
                    HandoverText.CitizenNotice(tracked.Language, handover.ToName ?? handover.ToAddress, handover.ToAddress, answerBy, organisation.Value), to),
                    cancel);
                tracked.ReceiptIds = [.. tracked.ReceiptIds, handover.NoticeDraftId];
                await db.SaveChangesAsync(cancel);
            }
            await SendDraftAsync(owner, handover.NoticeDraftId, handover, "Beskedet till invånaren", cancel);
            // Saved with the outbox's "sent".
            db.Audit(clock.GetUtcNow(), handover.CreatedBy, HandoverAudit.Sent, handover.Id, HandoverAudit.Outcome(handover, citizenTold: true));
        });
    }

    private async Task SendDraftAsync(MailboxOwner owner, string draftId, Handover handover, string what, CancellationToken cancel) =>
        MailboxSends.Confirmed(await mailbox.SendDraftAsync(owner, draftId, cancel), handover.CreatedAt, clock, what);

    /// <summary>A forward that never left undoes the hand-over (the official keeps the promise); a lost note keeps it.</summary>
    public async Task GaveUpAsync(Guid id, CancellationToken cancel)
    {
        var handover = await db.Handovers.FirstAsync(h => h.Id == id, cancel);
        handover.Note = null;
        db.Audit(clock.GetUtcNow(), handover.CreatedBy, HandoverAudit.Failed, handover.Id, HandoverAudit.Outcome(handover, citizenTold: false));
        if (!handover.ForwardSent)
            await db.Messages.Where(m => m.Id == handover.MessageId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.HandedOverAt, (DateTimeOffset?)null).SetProperty(m => m.HandedOverTo, (string?)null)
                .SetProperty(m => m.HandedOverToName, (string?)null).SetProperty(m => m.HandoverInternetMessageId, (string?)null), cancel);
        await db.SaveChangesAsync(cancel);
    }
}
