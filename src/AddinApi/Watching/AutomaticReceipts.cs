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
/// Decides, as the watcher tracks a new mail in a function mailbox, whether it gets an automatic receipt — only when the
/// unit head turned them on for the mailbox, only for a citizen's question that came in since, never to automatic mail,
/// lists or no-reply senders (<see cref="AutomaticReceiptRules"/>), never to a colleague's forward, at most once per sender
/// and mailbox in 24 hours — and records it for the outbox, which sends it once.
/// </summary>
internal sealed class AutomaticReceipts(KontaktlofteDb db, OutboxQueue outbox, TimeProvider clock, IOptions<OrganisationOptions> organisation)
{
    /// <summary>The mailbox's setting for this round; null when it sends none.</summary>
    public Task<WatchedMailbox?> SettingAsync(string mailbox, CancellationToken cancel) =>
        db.Set<WatchedMailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Address == mailbox && m.AutomaticReceipt, cancel);

    /// <summary>Records a receipt for a newly tracked mail when it should have one; true when recorded.</summary>
    public async Task<bool> ConsiderAsync(WatchedMailbox setting, MailboxMessage message, TrackedMessage facts, CancellationToken cancel)
    {
        if (!DueDates.HasPromise(facts.Category) || facts.HandedOverBy is not null || facts.AnsweredAt is not null) return false;
        if (message.ReceivedAt < setting.AutomaticReceiptSince) return false;
        var citizen = CitizenMails.Of(message, organisation.Value);
        if (citizen.ForwardedBy is not null) return false; // a colleague's forward: they have been in touch already
        var to = citizen.AnswerTo;
        // A web form's own headers (its no-reply sender) are the form system's; the citizen in Reply-To may be answered.
        var headers = citizen.SentBy is null ? message.Headers : new Dictionary<string, string>();
        if (!AutomaticReceiptRules.MayAnswer(to.Address, headers)) return false;
        var key = AutomaticReceiptRules.SenderKey(setting.Address, to.Address!);
        var since = clock.GetUtcNow() - AutomaticReceiptRules.OncePer;
        if (await db.AutomaticReceipts.AnyAsync(r => r.Mailbox == setting.Address && r.SenderKey == key && r.CreatedAt > since, cancel)) return false;

        var receipt = new AutomaticReceipt
        {
            Id = Guid.NewGuid(), MessageId = facts.Id, Mailbox = setting.Address, SenderKey = key, ToName = to.Name, ToAddress = to.Address,
            Language = facts.Language, Sensitive = facts.Sensitive, ReceivedDate = Stockholm.DayOf(facts.ReceivedAt), DueDate = facts.DueDate,
            CreatedAt = clock.GetUtcNow(),
        };
        db.AutomaticReceipts.Add(receipt);
        var item = outbox.Enqueue(receipt.Id, AutomaticReceiptSender.OutboxKind);
        var line = db.AuditEvents.Add(new AuditEvent
        {
            At = receipt.CreatedAt, Actor = AuditLog.Watcher, Action = AutomaticReceiptAudit.Queued, Target = AuditLog.AddressKey(setting.Address),
            Details = AutomaticReceiptAudit.Details(receipt),
        }).Entity;
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            // Another instance recorded it for this message first: theirs stands (and its line).
            db.Entry(receipt).State = EntityState.Detached;
            db.Entry(item).State = EntityState.Detached;
            db.Entry(line).State = EntityState.Detached;
            return false;
        }
        // Recorded: sent now, in this round; a failure is the outbox worker's to retry.
        await outbox.SendClaimedAsync(receipt.Id, CancellationToken.None);
        return true;
    }
}

/// <summary>Sends a recorded automatic receipt from its function mailbox, once, marked RFC 3834 <c>Auto-Submitted: auto-replied</c>.</summary>
internal sealed class AutomaticReceiptSender(KontaktlofteDb db, IBackgroundMail mail, TimeProvider clock, IOptions<OrganisationOptions> organisation)
    : IOutboxSender
{
    public const string OutboxKind = "automatic-receipt";

    /// <summary>RFC 3834 §5.2: a response to a message, by an automat. Other automats then stay silent.</summary>
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" };

    public string Kind => OutboxKind;

    public async Task SendAsync(Guid id, CancellationToken cancel)
    {
        var receipt = await db.AutomaticReceipts.FirstAsync(r => r.Id == id, cancel);
        await MailboxSends.Through(async () =>
        {
            if (receipt.DraftId is null)
            {
                var tracked = await db.Messages.FirstAsync(m => m.Id == receipt.MessageId, cancel);
                var note = await db.Set<WatchedMailbox>().Where(m => m.Address == receipt.Mailbox).Select(m => m.ReceiptNote).FirstOrDefaultAsync(cancel);
                var draft = await mail.CreateReplyAsync(receipt.Mailbox, receipt.MessageId, new ReplyDraft(AutomaticReceiptText.Subject(receipt.Language),
                    AutomaticReceiptText.Html(receipt, receipt.Sensitive ? null : note, organisation.Value), new MailAddress(receipt.ToName, receipt.ToAddress)),
                    Headers, cancel);
                receipt.DraftId = draft.Id;
                tracked.ReceiptIds = [.. tracked.ReceiptIds, draft.Id]; // the product's own mail: not the answer
                await db.SaveChangesAsync(cancel);
            }
            MailboxSends.Confirmed(await mail.SendAsync(receipt.Mailbox, receipt.DraftId, cancel), receipt.CreatedAt, clock, "Det automatiska mottagningsbeviset");
            (receipt.ToName, receipt.ToAddress) = (null, null); // kept only until sent
            db.Audit(clock.GetUtcNow(), AuditLog.Watcher, AutomaticReceiptAudit.Sent, AuditLog.AddressKey(receipt.Mailbox), AutomaticReceiptAudit.Details(receipt));
            await db.SaveChangesAsync(cancel);
        });
    }

    /// <summary>Forgets the address; the audit line is saved with the outbox's "failed".</summary>
    public async Task GaveUpAsync(Guid id, CancellationToken cancel)
    {
        await db.AutomaticReceipts.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ToName, (string?)null).SetProperty(r => r.ToAddress, (string?)null), cancel);
        if (await db.AutomaticReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancel) is { } receipt)
            db.Audit(clock.GetUtcNow(), AuditLog.Watcher, AutomaticReceiptAudit.Failed, AuditLog.AddressKey(receipt.Mailbox), AutomaticReceiptAudit.Details(receipt));
    }
}
