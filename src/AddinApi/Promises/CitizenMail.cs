using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>Whose message it is and since when the municipality has it.</summary>
/// <param name="Citizen">Who wrote it: the sender, or for a forward the citizen named in the forwarded header.</param>
/// <param name="ReceivedAt">When the municipality first received it.</param>
/// <param name="ForwardedBy">The colleague or unit (Kontaktcenter) who forwarded it; null when it came straight in.</param>
/// <param name="ForwardedText">The citizen's own text of a forward, after the header block; null when it came straight in.</param>
internal sealed record CitizenMail(MailAddress Citizen, DateTimeOffset ReceivedAt, MailAddress? ForwardedBy, string? ForwardedText)
{
    /// <summary>
    /// The municipality's own system that sent the mail for the citizen: a web form's <c>noreply@</c> with the citizen in
    /// Reply-To. The mail is the citizen's, classified by what they wrote and answered to them.
    /// </summary>
    public MailAddress? SentBy { get; init; }

    /// <summary>Where the answer goes: the message's Reply-To when it has one (RFC 5322 3.6.2), else the citizen.</summary>
    public MailAddress AnswerTo { get; init; } = Citizen;

    /// <summary>
    /// The one address a sent mail must go to for it to answer this one: for a forward or a web form the citizen (a mail
    /// to the colleague or to noreply@ is no answer); null when any reply in the conversation answers it.
    /// </summary>
    public string? AnswerOnlyTo => ForwardedBy is null && SentBy is null ? null : AnswerTo.Address;
}

/// <summary>
/// FL (2017:900) 22 §: a document has come in on the day it reaches the authority. A citizen's mail that Kontaktcenter
/// or another unit forwards reached the municipality when the citizen sent it, so the promise counts from then, and the
/// receipt goes to the citizen, never back to the colleague who forwarded it.
/// </summary>
internal static partial class CitizenMails
{
    public static CitizenMail Of(MailboxMessage message, OrganisationOptions org)
    {
        var replyTo = message.ReplyTo.FirstOrDefault(r => r.Address is { Length: > 0 });
        var direct = new CitizenMail(message.From, message.ReceivedAt, null, null) { AnswerTo = replyTo ?? message.From };
        if (message.From.Address is not { } from || !org.IsInternalAddress(from)) return direct;
        // A web form (e-tjänst) sends from the municipality's own no-reply address with the citizen in Reply-To.
        if (org.IsWebFormSender(from) && message.ReplyTo.FirstOrDefault(r => r.Address is { } address && !org.IsInternalAddress(address)) is { } citizen)
            return new CitizenMail(citizen, message.ReceivedAt, null, null) { SentBy = message.From, AnswerTo = citizen };
        var text = MailTextReader.Read(message.BodyHtml, message.BodyText);
        if (!ForwardSubject().IsMatch(message.Subject) && !ForwardMarker().IsMatch(text.Own + "\n" + text.Quoted)) return direct;

        var source = text.Quoted.Length > 0 ? text.Quoted : text.Own;
        // Past the colleagues' own blocks (a forward of Kontaktcenter's forward) to the first outside sender, never further.
        var header = ForwardedHeaders.FindAll(source).FirstOrDefault(h => !org.IsInternalAddress(h.From.Address!));
        if (header is null) return direct;
        // A date after the forward, or long before it, is a misread or a wrong clock: the forward's own time is the safe bound.
        var received = header.SentAt is { } sent && sent <= message.ReceivedAt && message.ReceivedAt - sent <= MaxForwardDelay ? sent : message.ReceivedAt;
        return new CitizenMail(header.From, received, message.From, source[header.BodyStart..].Trim());
    }

    /// <summary>How long before the forward a citizen's own date is still believed.</summary>
    public static readonly TimeSpan MaxForwardDelay = TimeSpan.FromDays(30);

    /// <summary>The subject without the forward's prefixes, as the citizen wrote it.</summary>
    public static string OriginalSubject(string subject) => ForwardSubject().Replace(subject, "").Trim();

    [GeneratedRegex(@"^\s*(?:(?:VB|FW|FWD|VL|WG|TR)\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardSubject();

    // Only what marks a forward: "Ursprungligt meddelande" / "Original Message" stand in replies too.
    [GeneratedRegex(@"Vidarebefordrat meddelande|Forwarded message|Välitetty viesti",
        RegexOptions.IgnoreCase)]
    private static partial Regex ForwardMarker();
}
