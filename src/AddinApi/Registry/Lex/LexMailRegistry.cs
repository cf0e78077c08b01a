using System.Text.Json;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Registry.Lex;

/// <summary>
/// Lex's automatic registration by mail: the original is forwarded (Exchange's forward carries its attachments) from the
/// mailbox it is in to Lex's mailbox, with the registration's metadata as a block above it (<see cref="LexMailBlock"/>).
/// Lex gives the numbers; this adapter only hands over. Never twice: the draft's id is saved before it is sent, and a
/// retry sends that same draft (sending a sent draft does nothing).
/// </summary>
internal sealed class LexMailRegistry(IMailbox mailbox, IOptions<RegistryOptions> options, TimeProvider clock) : IRegistry
{
    public const string AdapterName = "LexMail";

    /// <summary>How long a sent draft may take to show up in Sent Items before it counts as deleted (as for every mail the product sends).</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(15);

    public string Name => AdapterName;

    public async Task<RegistryAnswer> RegisterAsync(RegistryOrder order, IRegistryMemo memo, CancellationToken cancel)
    {
        var registry = options.Value;
        try
        {
            var forward = LexMailMemo.Read(memo.Value);
            if (forward is null)
            {
                var lex = new MailAddress(registry.LexMail.Name, registry.LexMail.Address!.Trim());
                var draft = await mailbox.CreateForwardDraftAsync(order.Source, order.MessageId, lex,
                    LexMailBlock.Html(order, registry.LexMail, registry.SequenceDigits), cancel);
                forward = new LexMailMemo(draft.Id, clock.GetUtcNow());
                // Saved before the send: a retry finds the draft and sends it, never a second forward.
                await memo.SaveAsync(forward.Write(), cancel);
            }
            var outcome = await mailbox.SendDraftAsync(order.Source, forward.DraftId, cancel);
            if (outcome == SendOutcome.Confirming) throw Unconfirmed(forward);
            return new RegistryAnswer(RegistryOutcome.HandedOver, order.Case, null, clock.GetUtcNow());
        }
        catch (MailboxUnavailableException error)
        {
            throw new RegistryUnavailableException($"Vidarebefordringen till Lex väntar: {error.Message}", error.RetryAfter, error);
        }
        catch (MailboxRefusedException error)
        {
            throw new RegistryRefusedException($"Meddelandet kunde inte vidarebefordras till Lex: {error.Message}", error);
        }
    }

    /// <summary>Lex by mail cannot tell: the registrar's number is taken as written, and Lex checks it on import.</summary>
    public Task<bool?> CaseExistsAsync(CaseNumber number, CancellationToken cancel) => Task.FromResult<bool?>(null);

    // The draft left Drafts without this call sending it: Exchange may still be moving it to Sent Items; after a while it
    // was deleted, and nothing reached Lex.
    private Exception Unconfirmed(LexMailMemo forward) =>
        clock.GetUtcNow() - forward.CreatedAt < ConfirmWithin
            ? new RegistryUnavailableException("Vidarebefordringen till Lex är på väg till Skickat objekt; sändningen bekräftas.", TimeSpan.FromSeconds(30))
            : new RegistryRefusedException("Vidarebefordringen till Lex finns inte längre och syns inte bland Skickat objekt (utkastet kan ha tagits bort). Registrera meddelandet igen.");
}

/// <summary>What Lex by mail remembers between tries: the forward's draft and when it was made.</summary>
internal sealed record LexMailMemo(string DraftId, DateTimeOffset CreatedAt)
{
    public string Write() => JsonSerializer.Serialize(this);

    public static LexMailMemo? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        try
        {
            if (JsonSerializer.Deserialize<LexMailMemo>(value) is { DraftId.Length: > 0 } memo) return memo;
        }
        catch (JsonException)
        {
        }
        // A memo that is no JSON is taken as the draft id: a draft to send again is better than a second forward.
        return new LexMailMemo(value, DateTimeOffset.MinValue);
    }
}
