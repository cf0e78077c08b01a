using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.Confidentiality;

/// <summary>
/// The e-mail guideline: never secret or privacy-sensitive data by e-mail, and never in the subject line —
/// the mail log (sender, recipient, subject, time) is itself a public record.
/// </summary>
internal sealed class ConfidentialityRules(ConfidentialContent detectors) : IDraftRule
{
    public IEnumerable<Finding> Check(DraftContext draft)
    {
        foreach (var match in detectors.Find(draft.Subject))
            yield return draft.Found("confidential.subject", Severity.Error, DraftPart.Subject, match.Span,
                $"Ämnesraden innehåller {Describe(match)}. Mejlloggen med ämnesrader är en allmän handling.",
                "Skriv en neutral ämnesrad, till exempel \"Svar på din fråga\".") with { Excerpt = Excerpt(draft.Subject, match) };

        var own = draft.Text.Own;
        foreach (var match in detectors.Find(own, draft.OwnWords))
            yield return BodyFinding(draft, DraftPart.Body, own, match);

        // The signature is the official's own text too; a number or term there leaves with the mail as well.
        foreach (var match in detectors.Find(draft.Text.Signature))
            yield return BodyFinding(draft, DraftPart.Signature, draft.Text.Signature, match);

        // Quoted history is scanned only for personal identity numbers: forwarding it sends them again.
        foreach (var span in detectors.PersonalIds(draft.Text.Quoted))
            yield return draft.Found("confidential.personal-id", Severity.Warning, DraftPart.Quoted, span,
                "Den citerade historiken innehåller ett personnummer som skickas med igen.",
                "Ta bort personnumret ur historiken, eller svara utan historik.")
                with { Excerpt = PersonalIdentityNumber.Mask(draft.Text.Quoted.Substring(span.Start, span.Length)) };
    }

    private Finding BodyFinding(DraftContext draft, DraftPart part, string text, ConfidentialMatch match) => match.Kind switch
    {
        ConfidentialKind.PersonalId => draft.Found("confidential.personal-id",
                draft.MayLeaveTheOrganisation ? Severity.Error : Severity.Warning, part, match.Span,
                draft.MayLeaveTheOrganisation
                    ? "Mejlet innehåller ett personnummer och går till en mottagare utanför kommunen. E-post är inte en säker kanal."
                    : "Mejlet innehåller ett personnummer. Skicka det bara om det verkligen behövs, även internt.",
                "Ta bort personnumret. Ring, eller använd en säker kanal om uppgiften behövs.")
            with { Excerpt = Excerpt(text, match) },
        ConfidentialKind.SecrecyMarker when detectors.ExplainsSecrecy(text, match.Span) => draft.Found(
            "confidential.secrecy-marker", Severity.Info, part, match.Span,
            "Du förklarar ett sekretessbeslut – det är i sin ordning. Kontrollera att de sekretessbelagda uppgifterna själva inte står i mejlet.",
            "Berätta också att invånaren kan begära ett skriftligt beslut som går att överklaga."),
        ConfidentialKind.SecrecyMarker => draft.Found("confidential.secrecy-marker", Severity.Warning, part, match.Span,
            $"Texten tyder på sekretessbelagda uppgifter ({match.Note}). Sekretessbelagd information får inte skickas med e-post.",
            "Ta bort uppgifterna och ring, eller skicka med säker post."),
        _ => draft.Found("confidential.sensitive-data", Severity.Warning, part, match.Span,
            $"Texten innehåller känsliga personuppgifter ({match.Note}). Integritetskänslig information ska inte skickas med e-post.",
            "Ta bort uppgifterna och ring, eller använd en säker kanal."),
    };

    private static string Excerpt(string text, ConfidentialMatch match)
    {
        var raw = Words.Excerpt(text, match.Span);
        return match.Kind == ConfidentialKind.PersonalId ? PersonalIdentityNumber.Mask(raw) : raw;
    }

    private static string Describe(ConfidentialMatch match) => match.Kind switch
    {
        ConfidentialKind.PersonalId => "ett personnummer",
        ConfidentialKind.SecrecyMarker => $"en uppgift om sekretess ({match.Note})",
        _ => $"en känslig personuppgift ({match.Note})",
    };
}
