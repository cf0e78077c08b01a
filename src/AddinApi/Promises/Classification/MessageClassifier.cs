using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Text;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Promises.Classification;

/// <summary>A message as it arrives: sender, subject, body and internet headers.</summary>
public sealed record IncomingMessage(
    string? FromName, string? FromAddress, string? Subject, string? BodyText, string? BodyHtml,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>What the message is, its language, whether it holds secret or sensitive data, and why.</summary>
/// <param name="Category">question, opinion, fault-report, document-request, callback, internal or automatic.</param>
/// <param name="Language">sv, fi or en: the citizen's language, which the acknowledgement uses by default.</param>
/// <param name="Sensitive">True when the message holds personal identity numbers, secrecy markers or sensitive data.</param>
/// <param name="Reasons">Why, in Swedish, with what the official should do.</param>
public sealed record MessageClassification(MessageCategory Category, string Language, bool Sensitive, IReadOnlyList<string> Reasons);

/// <summary>
/// Sorts incoming mail by the promise it carries. Automatic mail (bounces, absence notes, calendar mail, no-reply
/// senders, newsletters) first, by <see cref="AutomaticMail"/>; callbacks from Kontaktcenter
/// or voicemail (the telephone guideline: call back within two working days); internal mail by domain;
/// the rest by Swedish, Finnish and English keywords (<c>classification-keywords.tsv</c>), a question by default.
/// </summary>
internal sealed class MessageClassifier(IOptions<OrganisationOptions> organisation, ConfidentialContent confidential, Languages languages)
{
    private readonly TermList _keywords = TermList.Load("classification-keywords.tsv");
    private readonly AutomaticMail _automatic = new();

    /// <param name="message">The message, with the citizen as sender.</param>
    /// <param name="viaWebForm">
    /// Sent by the municipality's web form for that citizen: the form system's own marks (Auto-Submitted, "Svara inte på
    /// detta mejl") are not the citizen's, so only a bulk mailing's List-Unsubscribe makes it automatic.
    /// </param>
    public MessageClassification Classify(IncomingMessage message, bool viaWebForm = false)
    {
        var org = organisation.Value;
        var subject = message.Subject ?? "";
        var text = MailTextReader.Read(message.BodyHtml, message.BodyText);
        var ownText = text.Own + "\n" + text.Signature;
        var reasons = new List<string>();

        var automatic = !viaWebForm || message.Headers.ContainsKey("List-Unsubscribe");
        var category = (automatic ? Automatic(message, subject, ownText, reasons) : null)
            ?? Callback(message, org, subject, ownText, reasons)
            ?? Internal(message, org, reasons)
            ?? ByKeywords(subject, ownText, reasons);

        var language = languages.Of(subject + "\n" + ownText);
        if (language == "fi")
            reasons.Add("Skrivet på finska. Botkyrka är förvaltningsområde för finska (lag 2009:724): invånaren har rätt att använda finska – svara på finska.");
        else if (language == "en")
            reasons.Add("Skrivet på engelska: svara på engelska eller enkel svenska.");

        var found = confidential.Find(subject + "\n" + text.Own + "\n" + text.Signature + "\n" + text.Quoted);
        if (found.Count > 0)
        {
            var kinds = found.Select(f => f.Kind switch
            {
                ConfidentialKind.PersonalId => "personnummer",
                ConfidentialKind.SecrecyMarker => "uppgift om sekretess",
                _ => $"känsliga personuppgifter ({f.Note})",
            }).Distinct();
            reasons.Add($"Innehåller {string.Join(", ", kinds)}. Mejlet ska registreras i Lex och tas bort ur brevlådan efter registreringen (e-postriktlinjen, Sekretess). Svara inte med uppgifterna i mejl.");
        }
        return new MessageClassification(category, language, found.Count > 0, reasons);
    }

    private MessageCategory? Automatic(IncomingMessage message, string subject, string ownText, List<string> reasons)
    {
        if (_automatic.Reason(message, subject, ownText) is not { } reason) return null;
        reasons.Add(reason);
        return MessageCategory.Automatic;
    }

    private MessageCategory? Callback(IncomingMessage message, OrganisationOptions org, string subject, string text, List<string> reasons)
    {
        var from = message.FromAddress ?? "";
        var fromContactCentre = from.Equals(org.ContactCentre.Email, StringComparison.OrdinalIgnoreCase) ||
                                (org.IsInternalAddress(from) && (message.FromName ?? "").Contains("Kontaktcenter", StringComparison.OrdinalIgnoreCase));
        var callbackWords = Matches(subject + "\n" + text, "callback");
        if (fromContactCentre)
            reasons.Add("Meddelande från Kontaktcenter: ring upp invånaren inom två arbetsdagar (riktlinjer för telefoni).");
        else if (callbackWords.Count > 0)
            reasons.Add($"Ber om att bli uppringd ({string.Join(", ", callbackWords)}): ring upp inom två arbetsdagar.");
        else
            return null;
        return MessageCategory.Callback;
    }

    private static MessageCategory? Internal(IncomingMessage message, OrganisationOptions org, List<string> reasons)
    {
        if (message.FromAddress is not { } from || !org.IsInternalAddress(from)) return null;
        reasons.Add("Avsändaren är en kollega i kommunen.");
        return MessageCategory.Internal;
    }

    private MessageCategory ByKeywords(string subject, string text, List<string> reasons)
    {
        // The subject weighs double; on a tie the stricter promise wins (document requests are due the same day).
        var scores = new Dictionary<MessageCategory, int>();
        var words = new Dictionary<MessageCategory, List<string>>();
        foreach (var (part, weight) in new[] { (subject, 2), (text, 1) })
        foreach (var match in _keywords.Find(part))
        {
            if (!Categories.TryParse(match.Term.Note, out var category) || category == MessageCategory.Callback) continue;
            scores[category] = scores.GetValueOrDefault(category) + weight;
            (words.TryGetValue(category, out var list) ? list : words[category] = []).Add(part.Substring(match.Start, match.Length).ToLowerInvariant());
        }
        MessageCategory[] priority = [MessageCategory.DocumentRequest, MessageCategory.FaultReport, MessageCategory.Opinion, MessageCategory.Question];
        var best = priority.Where(scores.ContainsKey).OrderByDescending(c => scores[c]).Cast<MessageCategory?>().FirstOrDefault();
        if (best is { } chosen)
        {
            reasons.Add($"Ord som tyder på {Categories.Swedish(chosen)}: {string.Join(", ", words[chosen].Distinct().Take(5))}.");
            return chosen;
        }
        reasons.Add("Inget tyder på något annat än en fråga.");
        return MessageCategory.Question;
    }

    private List<string> Matches(string text, string kind) =>
        _keywords.Find(text).Where(m => m.Term.Note == kind).Select(m => text.Substring(m.Start, m.Length).ToLowerInvariant()).Distinct().ToList();
}
