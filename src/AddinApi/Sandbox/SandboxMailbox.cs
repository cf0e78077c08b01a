using System.Security.Claims;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>The mailbox in sandbox mode: one shared mailbox in the database, so that a newcomer sees the whole flow.</summary>
internal sealed class SandboxMailbox(SandboxDb db, TimeProvider clock) : IMailbox
{
    // Compiled once: each opened mail reads the message and looks for its answers (README, Load).
    private static readonly CompiledQuery<Func<SandboxDb, string, CancellationToken, Task<SandboxMail?>>> MailOf = new(() =>
        EF.CompileAsyncQuery((SandboxDb db, string id, CancellationToken cancel) => db.SandboxMail.AsNoTracking().FirstOrDefault(m => m.Id == id)));

    private static readonly CompiledQuery<Func<SandboxDb, string, List<string>, string?, IAsyncEnumerable<DateTimeOffset?>>> AnswersOf = new(() =>
        EF.CompileAsyncQuery((SandboxDb db, string id, List<string> ownReceipts, string? answeredTo) => db.SandboxSentMail.AsNoTracking()
            .Where(m => m.InReplyTo == id && !m.IsDraft && !ownReceipts.Contains(m.Id) && (answeredTo == null || m.To == answeredTo))
            .Select(m => m.SentAt)));

    public Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, CancellationToken cancel) =>
        Task.FromResult(new MailboxOwner(user.FindFirstValue(KontaktlofteClaims.Email) ?? "", null));

    /// <summary>A sandbox function mailbox opens for its watchers only, as Exchange gives Full Access to some (a 403 for others).</summary>
    public async Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, string? functionMailbox, CancellationToken cancel)
    {
        var own = await OpenAsync(user, cancel);
        if (SharedMailbox.Normalise(functionMailbox) is not { } address || address.Equals(own.Email, StringComparison.OrdinalIgnoreCase)) return own;
        return SandboxUsers.FunctionMailboxes.Any(f => f.Address == address && f.Watchers.Contains(own.Email, StringComparer.OrdinalIgnoreCase))
            ? own with { Shared = address }
            : throw new MailboxAccessDeniedException($"Du har inte behörighet till funktionsbrevlådan {address}.");
    }

    /// <summary>The sandbox needs no session to act later: the database is always there.</summary>
    public Task<MailboxOwner> OpenForLaterAsync(ClaimsPrincipal user, CancellationToken cancel) => OpenAsync(user, cancel);

    public async Task<MailboxMessage?> GetMessageAsync(MailboxOwner owner, string id, CancellationToken cancel)
    {
        var mail = await MailOf.For(db)(db, id, cancel);
        // Only the mailbox's own mail, as Graph: /me/messages/{id} or /users/{address}/messages/{id} finds nothing else (a
        // registrar cannot open an official's mail; a request reaches it through the official's session). A caller who is
        // no sandbox user (the API tests' default identity) reads the first user's mailbox, where unaddressed mail lands.
        if (mail is not null)
            return string.Equals(mail.Mailbox, SandboxUsers.IsMailbox(owner.Address) ? owner.Address : SandboxUsers.All[0].Email,
                StringComparison.OrdinalIgnoreCase) ? ToMessage(mail) : null;
        // Like Graph with immutable ids, a sent reply keeps its draft's id in Sent Items.
        var sent = await db.SandboxSentMail.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancel);
        if (sent is null) return null;
        // As in Exchange, a reply is in the conversation of the message it answers.
        var conversation = await db.SandboxMail.AsNoTracking().Where(m => m.Id == sent.InReplyTo).Select(m => m.ConversationId).FirstOrDefaultAsync(cancel);
        return new MailboxMessage(sent.Id, InternetMessageIdOf(sent.Id), conversation, new MailAddress(null, owner.Email), sent.Subject, sent.BodyHtml, null,
            sent.SentAt ?? sent.CreatedAt, new Dictionary<string, string>(), []) { To = [new MailAddress(null, sent.To)] };
    }

    public static MailboxMessage ToMessage(SandboxMail mail)
    {
        var headers = new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(mail.HeadersJson) ?? [],
            StringComparer.OrdinalIgnoreCase);
        return new MailboxMessage(mail.Id, mail.InternetMessageId, mail.ConversationId, new MailAddress(mail.FromName, mail.FromAddress),
            mail.Subject, mail.BodyHtml, mail.BodyText, mail.ReceivedAt, headers, mail.Categories.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            // As Graph's replyTo: the header a web form sets, "Name <address>".
            ReplyTo = headers.TryGetValue("Reply-To", out var replyTo) && System.Net.Mail.MailAddress.TryCreate(replyTo, out var parsed)
                ? [new MailAddress(parsed.DisplayName.Length > 0 ? parsed.DisplayName : null, parsed.Address)] : [],
            To = [new MailAddress(SandboxUsers.Find(mail.Mailbox)?.Name, mail.Mailbox)],
        };
    }

    public async Task<string> CreateReplyDraftAsync(MailboxOwner owner, string messageId, ReplyDraft reply, CancellationToken cancel)
    {
        var original = await db.SandboxMail.AsNoTracking().FirstAsync(m => m.Id == messageId, cancel);
        var draft = new SandboxSentMail
        {
            Id = "sent-" + Guid.NewGuid().ToString("N"),
            InReplyTo = messageId,
            To = reply.To?.Address ?? original.FromAddress,
            Subject = reply.Subject ?? (original.Subject.StartsWith("SV:", StringComparison.OrdinalIgnoreCase) ? original.Subject : "SV: " + original.Subject),
            BodyHtml = reply.Quoting is { } quoted ? reply.BodyHtml + ReplyQuote.Html(quoted, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) : reply.BodyHtml,
            CreatedAt = clock.GetUtcNow(),
        };
        db.SandboxSentMail.Add(draft);
        await db.SaveChangesAsync(cancel);
        return draft.Id;
    }

    public async Task<Draft> CreateForwardDraftAsync(MailboxOwner owner, string messageId, MailAddress recipient, string commentHtml, CancellationToken cancel)
    {
        var original = await db.SandboxMail.AsNoTracking().FirstAsync(m => m.Id == messageId, cancel);
        var citizen = ToMessage(original);
        var from = citizen.ReplyTo.Count > 0 ? citizen.ReplyTo[0] : citizen.From;
        // As Outlook writes a forward: the note, then the original's header block (which the product reads back: FL 22 §).
        var quoted = $"<hr><p>Från: {Html(from.Name)} &lt;{Html(from.Address)}&gt;<br>Skickat: {TimeZoneInfo.ConvertTime(original.ReceivedAt, Stockholm.Zone):yyyy-MM-dd HH:mm}<br>" +
                     $"Till: {Html(original.Mailbox)}<br>Ämne: {Html(original.Subject)}</p>" +
                     (original.BodyHtml ?? $"<p>{Html(original.BodyText)}</p>");
        var draft = new SandboxSentMail
        {
            Id = "sent-" + Guid.NewGuid().ToString("N"),
            InReplyTo = messageId,
            To = recipient.Address ?? "",
            Subject = original.Subject.StartsWith("VB:", StringComparison.OrdinalIgnoreCase) ? original.Subject : "VB: " + original.Subject,
            BodyHtml = commentHtml + quoted,
            CreatedAt = clock.GetUtcNow(),
        };
        db.SandboxSentMail.Add(draft);
        await db.SaveChangesAsync(cancel);
        return new Draft(draft.Id, InternetMessageIdOf(draft.Id));
    }

    /// <summary>The Internet message id a sent sandbox mail carries, as Exchange gives one to every message it sends.</summary>
    public static string InternetMessageIdOf(string draftId) => $"<{draftId}@sandbox.botkyrka.se>";

    private static string Html(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    public async Task<SendOutcome> SendDraftAsync(MailboxOwner owner, string draftId, CancellationToken cancel)
    {
        var sent = await db.SandboxSentMail.Where(m => m.Id == draftId && m.IsDraft)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDraft, false).SetProperty(m => m.SentAt, clock.GetUtcNow()), cancel);
        if (sent == 1) await DeliverAsync(owner, draftId, cancel);
        return SendOutcome.Sent;
    }

    private Task DeliverAsync(MailboxOwner owner, string draftId, CancellationToken cancel) =>
        DeliverAsync(db, clock, owner.Address, SandboxUsers.Find(owner.Email)?.Name ?? owner.Address, draftId, cancel);

    /// <summary>Mail to a sandbox mailbox (a colleague, a function mailbox) arrives there, as in Exchange: a hand-over's forward, a digest.</summary>
    public static async Task DeliverAsync(SandboxDb db, TimeProvider clock, string fromAddress, string fromName, string draftId, CancellationToken cancel)
    {
        var mail = await db.SandboxSentMail.AsNoTracking().FirstAsync(m => m.Id == draftId, cancel);
        if (!SandboxUsers.IsMailbox(mail.To)) return;
        db.SandboxMail.Add(new SandboxMail
        {
            Id = "m-" + Guid.NewGuid().ToString("N"),
            Mailbox = mail.To.ToLowerInvariant(),
            Version = await db.NextVersionAsync(cancel),
            FromName = fromName,
            FromAddress = fromAddress,
            HeadersJson = mail.HeadersJson,
            Subject = mail.Subject,
            BodyHtml = mail.BodyHtml,
            ReceivedAt = mail.SentAt ?? clock.GetUtcNow(),
            ConversationId = "conv-" + Guid.NewGuid().ToString("N"),
            InternetMessageId = InternetMessageIdOf(draftId),
        });
        await db.SaveChangesAsync(cancel);
    }

    public async Task MarkAsync(MailboxOwner owner, MailboxMessage message, MessageMark mark, CancellationToken cancel)
    {
        var categories = string.Join(';', mark.Apply(message.Categories));
        var version = await db.NextVersionAsync(cancel);
        await db.SandboxMail.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Categories, categories).SetProperty(m => m.Mark, m => mark.PropertyValue ?? m.Mark).SetProperty(m => m.Version, version), cancel);
    }

    public async Task<DateTimeOffset?> AnsweredAtAsync(MailboxOwner owner, MailboxMessage message,
        IReadOnlyCollection<string> ownReceipts, string? answeredTo, CancellationToken cancel)
    {
        var answers = await AnswersOf.For(db)(db, message.Id, [.. ownReceipts], answeredTo).ToListAsync(cancel);
        return answers.Min();
    }
}
