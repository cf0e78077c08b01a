using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Drafts;

/// <summary>
/// The draft's HTML is more complex than any mail client writes (<see cref="MarkupBudget"/>): its text could be
/// read, but not told apart into the official's own text, signature and quoted history, and every rule depends on
/// that. The review refuses (422) rather than block or pass a mail on a guess.
/// </summary>
internal sealed class DraftTooComplexException : Exception
{
    public const string Detail =
        "Mejlet är för komplext att granska: HTML-koden är nästlad i fler nivåer eller har fler delar än ett vanligt mejl. " +
        "Klistra in texten som oformaterad text i ett nytt mejl och granska igen.";

    public DraftTooComplexException() : base(Detail) { }
    public DraftTooComplexException(string message) : base(message) { }
    public DraftTooComplexException(string message, Exception inner) : base(message, inner) { }
}
