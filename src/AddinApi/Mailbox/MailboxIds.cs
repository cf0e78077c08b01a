namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>
/// Ids as Graph knows them. Office.js gives item and conversation ids in EWS form, which Graph (REST form) does not
/// find: EWS <c>/</c> is REST <c>-</c> and EWS <c>+</c> is REST <c>_</c> (what <c>convertToRestId</c> does, for clients
/// where the add-in cannot call it). A REST or immutable id never holds <c>/</c> or <c>+</c>, so this is safe for both.
/// A <c>/</c> that arrives percent-encoded in a route (<c>%2F</c>) stays encoded in ASP.NET Core's route values: decoded first.
/// </summary>
public static class MailboxIds
{
    public static string Rest(string id) => Uri.UnescapeDataString(id).Replace('/', '-').Replace('+', '_');
}
