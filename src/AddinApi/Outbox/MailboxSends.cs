using Kontaktlofte.AddinApi.Mailbox;

namespace Kontaktlofte.AddinApi.Outbox;

/// <summary>What every outbox sender that sends mail does with the mailbox's answers: one place, one meaning.</summary>
public static class MailboxSends
{
    /// <summary>How long a sent draft may take to show up in Sent Items before it counts as deleted.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(15);

    /// <summary>The mailbox away for now → try again later (with its Retry-After); the mailbox refusing for good → a dead letter.</summary>
    public static async Task Through(Func<Task> send)
    {
        try
        {
            await send();
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

    /// <summary>
    /// A draft that left Drafts without this call sending it: Exchange may still be moving it to Sent Items (Microsoft: "may not
    /// succeed immediately") — look again in 30 s; after <see cref="ConfirmWithin"/> it was deleted and nothing left.
    /// </summary>
    public static void Confirmed(SendOutcome outcome, DateTimeOffset recordedAt, TimeProvider clock, string what)
    {
        if (outcome == SendOutcome.Sent) return;
        throw clock.GetUtcNow() - recordedAt < ConfirmWithin
            ? new RetryLaterException($"{what} är på väg till Skickat objekt; sändningen bekräftas.", TimeSpan.FromSeconds(30))
            : new CannotBeSentException($"{what} finns inte längre och syns inte bland Skickade objekt (utkastet kan ha tagits bort).");
    }
}
