using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Promises.Classification;

/// <summary>
/// Tells mail that no person wrote: bounces, read receipts, absence notes, calendar invitations and responses,
/// notices from addresses that take no answer, and newsletters. Automatic mail gets no receipt and no due date, so
/// a mistake here silently drops a citizen's promise: every rule is one that a citizen's own mail cannot meet by
/// chance (a header a person's client never sets, a subject a client writes, or two machine phrases of one kind).
/// </summary>
internal sealed class AutomaticMail
{
    // Local parts that say no person reads the mailbox (RFC 3834 §3.2 names mailer-daemon and postmaster; the rest by custom).
    // info@ is not one of them: a small firm or an association writes from info@ and asks real questions.
    private static readonly string[] NoReplyPrefixes = ["noreply", "donotreply", "mailerdaemon", "postmaster"];
    private static readonly HashSet<string> NoReplyParts = new(StringComparer.OrdinalIgnoreCase)
        { "notification", "notifications", "notify", "bounce", "bounces", "autoreply", "autoresponder" };

    // Subjects the mail clients write themselves (Outlook, Exchange, Gmail, Google Calendar in sv, fi, en). A phrase ending in
    // ':' must have its colon: "Frånvaroanmälan", "Frånvaro 12 mars" (a parent to the school) and "Poissaoloilmoitus" are citizens'.
    private static readonly string[] AutomaticReplySubjects =
    [
        "automatiskt svar", "autosvar", "frånvaromeddelande", "frånvaro:", "out of office", "out of the office", "automatic reply",
        "autoreply", "auto-reply", "auto reply", "automaattinen vastaus", "poissa toimistolta", "poissaolo:", "poissa:", "lomalla:",
    ];

    private static readonly string[] BounceSubjects =
    [
        "olevererbart:", "undeliverable:", "ei voitu toimittaa:", "ei toimitettavissa:", "delivery status notification",
        "returned mail:", "mail delivery failed", "undelivered mail returned to sender", "failure notice", "delivery failure:",
        "läst:", "read:", "luettu:", "ej läst:", "not read:", "ei luettu:",
    ];

    // Outlook and Google write these only when the invitee answers: no citizen starts a subject "Accepterat:".
    private static readonly string[] CalendarResponseSubjects =
    [
        "accepterat:", "accepterad:", "avböjt:", "avböjd:", "preliminärt:", "preliminärt accepterat:", "accepted:", "declined:",
        "tentative:", "tentatively accepted:", "hyväksytty:", "hylätty:", "alustava:", "alustavasti hyväksytty:",
    ];

    // These a citizen may write too ("Inbjudan: öppet hus", "Inställd: buss 711"): a calendar mark in the text must agree.
    private static readonly string[] CalendarInvitationSubjects =
    [
        "inbjudan:", "uppdaterad inbjudan:", "invitation:", "updated invitation:", "kutsu:", "päivitetty kutsu:",
        "inställt:", "inställd:", "canceled:", "cancelled:", "peruttu:", "peruutettu:", "ny tid föreslås:", "new time proposed:",
    ];

    private readonly TermList _marks = TermList.Load("automatic-mail.tsv");

    /// <summary>Why the message is automatic, in Swedish; null when a person wrote it.</summary>
    /// <param name="message">Sender and internet headers.</param>
    /// <param name="subject">The subject line.</param>
    /// <param name="ownText">The sender's own text and signature, without quoted history.</param>
    public string? Reason(IncomingMessage message, string subject, string ownText)
    {
        string? Header(string name) => message.Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        var contentType = Header("Content-Type") ?? "";
        var s = subject.TrimStart().ToLowerInvariant();
        Dictionary<string, int>? counted = null;
        Dictionary<string, int> Marks() => counted ??= Count(ownText); // the text is read only when headers and subject do not tell

        if (Header("Auto-Submitted") is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            return $"Automatiskt skickat (Auto-Submitted: {auto.Trim()}).";
        if (Header("List-Unsubscribe") is not null)
            return "Ett utskick med avregistreringslänk (List-Unsubscribe).";
        if (Header("Precedence") is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "list" or "junk" or "auto_reply")
            return $"Massutskick (Precedence: {precedence.Trim()}).";
        if (Header("X-Autoreply") is not null || Header("X-Autorespond") is not null)
            return "Automatiskt svar (X-Autoreply).";
        // X-Auto-Response-Suppress is not read: it only asks others not to answer, and clients and mail-merge tools set it on mail people write.
        // RFC 6522 multipart/report: delivery status (RFC 3464) or read receipt (RFC 8098); Exchange and Exim mark bounces themselves.
        if (contentType.Contains("multipart/report", StringComparison.OrdinalIgnoreCase) ||
            Header("X-MS-Exchange-Message-Is-Ndr") is not null || Header("X-Failed-Recipients") is not null)
            return "En leveransrapport eller ett läskvitto från e-postsystemet.";
        // Graph serves invitations and responses as eventMessage; what reaches the classifier is Outlook's Content-Class
        // or an iCalendar body (RFC 5545 text/calendar).
        if ((Header("Content-Class") ?? "").Contains("calendarmessage", StringComparison.OrdinalIgnoreCase) ||
            contentType.Contains("text/calendar", StringComparison.OrdinalIgnoreCase))
            return "En kalenderinbjudan eller ett svar på en (Content-Class, text/calendar).";
        if (message.FromAddress is { } from && NoReply(from))
            return $"Avsändaren ({from}) tar inte emot svar.";
        if (AutomaticReplySubjects.Any(s.StartsWith))
            return "Ämnesraden visar ett automatiskt svar eller frånvaromeddelande.";
        if (BounceSubjects.Any(s.StartsWith))
            return "Ämnesraden visar en leveransrapport eller ett läskvitto.";
        if (CalendarResponseSubjects.Any(s.StartsWith) ||
            (CalendarInvitationSubjects.Any(s.StartsWith) && Marks().GetValueOrDefault("calendar") > 0))
            return "Ämnesraden visar en kalenderinbjudan eller ett svar på en.";
        if (Marks().GetValueOrDefault("certain") > 0)
            return "Texten säger själv att den är automatiskt skickad.";
        // An absence note answers nothing and asks nothing; a citizen who mentions a holiday does so because they ask.
        var family = Marks().Where(m => m.Key != "certain" && m.Value >= 2 && !(m.Key == "away" && ownText.Contains('?')))
            .Select(m => m.Key).FirstOrDefault();
        return family switch
        {
            null => null,
            "bounce" => "Texten är en rapport om ett mejl som inte gick fram.",
            "away" => "Texten är ett frånvaromeddelande.",
            "notice" => "Texten är ett automatiskt meddelande som inte tar emot svar.",
            "mailing" => "Texten är ett nyhetsbrev eller utskick (avregistrering, webbläsarlänk).",
            _ => "Texten är en kalenderinbjudan eller ett svar på en.",
        };
    }

    /// <summary>How many different lines of each kind the text holds.</summary>
    private Dictionary<string, int> Count(string text) =>
        _marks.Find(text).Select(m => m.Term).Distinct().GroupBy(t => t.Note).ToDictionary(g => g.Key, g => g.Count());

    private static bool NoReply(string address)
    {
        var at = address.IndexOf('@');
        var local = (at < 0 ? address : address[..at]).ToLowerInvariant();
        // no-reply, no_reply, no.reply, do-not-reply, MAILER-DAEMON: the separators vary, the words do not.
        var joined = local.Replace("-", "").Replace("_", "").Replace(".", "");
        return NoReplyPrefixes.Any(joined.StartsWith) || NoReplyParts.Contains(local.Split('-', '_', '.', '+')[0]);
    }
}
