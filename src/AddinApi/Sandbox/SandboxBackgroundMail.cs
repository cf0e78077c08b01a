using System.Text.Json;
using Kontaktlofte.AddinApi.Mailbox;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>The application's own sending in the sandbox: drafts and sent mail in the sandbox's tables, headers kept to be seen.</summary>
internal sealed class SandboxBackgroundMail(SandboxDb db, TimeProvider clock) : IBackgroundMail
{
    public async Task<Draft> CreateReplyAsync(string mailbox, string messageId, ReplyDraft reply, IReadOnlyDictionary<string, string> headers,
        CancellationToken cancel)
    {
        var original = await db.SandboxMail.AsNoTracking().FirstAsync(m => m.Id == messageId && m.Mailbox == mailbox, cancel);
        return await AddAsync(mailbox, messageId, reply.To?.Address ?? original.FromAddress,
            reply.Subject ?? "SV: " + original.Subject, reply.BodyHtml, headers, cancel);
    }

    public Task<Draft> CreateMailAsync(string mailbox, NewMail mail, IReadOnlyDictionary<string, string> headers, CancellationToken cancel) =>
        AddAsync(mailbox, "", mail.To.Address ?? "", mail.Subject, mail.BodyHtml, headers, cancel);

    private async Task<Draft> AddAsync(string mailbox, string inReplyTo, string to, string subject, string html,
        IReadOnlyDictionary<string, string> headers, CancellationToken cancel)
    {
        var draft = new SandboxSentMail
        {
            Id = "sent-" + Guid.NewGuid().ToString("N"), Mailbox = mailbox, InReplyTo = inReplyTo, To = to, Subject = subject, BodyHtml = html,
            HeadersJson = JsonSerializer.Serialize(headers), CreatedAt = clock.GetUtcNow(),
        };
        db.SandboxSentMail.Add(draft);
        await db.SaveChangesAsync(cancel);
        return new Draft(draft.Id, SandboxMailbox.InternetMessageIdOf(draft.Id));
    }

    public async Task<SendOutcome> SendAsync(string mailbox, string draftId, CancellationToken cancel)
    {
        var sent = await db.SandboxSentMail.Where(m => m.Id == draftId && m.IsDraft)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDraft, false).SetProperty(m => m.SentAt, clock.GetUtcNow()), cancel);
        if (sent == 1)
            await SandboxMailbox.DeliverAsync(db, clock, mailbox,
                SandboxUsers.Find(mailbox)?.Name ?? SandboxUsers.FunctionMailboxes.FirstOrDefault(f => f.Address == mailbox).Name ?? mailbox, draftId, cancel);
        return SendOutcome.Sent;
    }
}
