using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Text;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Drafts.Signature;

/// <summary>
/// The e-mail guideline: "Använd kommunens gemensamma mejlsignatur, utan egna tillägg." The signature must
/// name the official, a phone number, an e-mail address and the municipality; it must not add quotes,
/// slogans, social links, device lines or images other than the logo (<c>signature-additions.tsv</c>).
/// </summary>
internal sealed partial class SignatureRules(IOptions<OrganisationOptions> organisation) : IDraftRule
{
    private readonly TermList _additions = TermList.Load("signature-additions.tsv");

    public IEnumerable<Finding> Check(DraftContext draft)
    {
        var org = organisation.Value;
        var signature = draft.Text.Signature;
        if (!draft.Text.HasSignature)
        {
            yield return draft.Found("signature.missing", Severity.Warning, DraftPart.Body, new TextSpan(draft.Text.Own.Length, 0),
                "Mejlet saknar signatur. Invånaren ska kunna se vem som svarar och hur du nås.",
                "Lägg till kommunens gemensamma signatur: " + string.Join(", ", org.Signature.Template.Skip(1).Take(4)) + " …");
        }
        else
        {
            var missing = MissingElements(signature, org.Name).ToList();
            if (missing.Count > 0)
                yield return draft.Found("signature.incomplete", Severity.Warning, DraftPart.Signature, new TextSpan(0, signature.Length),
                    "Signaturen saknar " + JoinSwedish(missing) + ".",
                    "Använd kommunens gemensamma signatur med namn, telefonnummer, e-postadress och " + org.Name + ".");
        }

        foreach (var finding in Additions(draft, org)) yield return finding;
    }

    private static IEnumerable<string> MissingElements(string signature, string organisationName)
    {
        var lines = signature.Split('\n');
        if (!lines.Any(IsPersonName)) yield return "namn";
        if (!Phone().IsMatch(signature)) yield return "telefonnummer";
        if (!Email().IsMatch(signature)) yield return "e-postadress";
        if (!signature.Contains(organisationName, StringComparison.OrdinalIgnoreCase)) yield return $"\"{organisationName}\"";
    }

    private IEnumerable<Finding> Additions(DraftContext draft, OrganisationOptions org)
    {
        // Device lines ("Skickat från min iPhone") may stand in the text when there is no signature at all.
        foreach (var match in _additions.Find(draft.Text.Own).Where(m => m.Term.Note == "enhet"))
            yield return draft.Found("signature.additions", Severity.Warning, DraftPart.Body, match.Span,
                AdditionMessage(match.Term.Note), "Ta bort raden.");

        // One finding per line of the signature that is an addition: a listed phrase, a quote or a slogan.
        var signature = draft.Text.Signature;
        var termMatches = _additions.Find(signature);
        foreach (var line in LinesOf(signature))
        {
            var kind = termMatches.FirstOrDefault(m => m.Start < line.End && m.Span.End > line.Start).Term?.Note
                       ?? (IsQuoteOrSlogan(signature, line) ? "tillägg" : null);
            if (kind is not null)
                yield return draft.Found("signature.additions", Severity.Warning, DraftPart.Signature, line,
                    AdditionMessage(kind), "Ta bort tillägget och använd kommunens gemensamma signatur.");
        }

        foreach (var image in draft.Text.SignatureImages.Where(i => !IsLogo(i, org)))
            yield return draft.Found("signature.additions", Severity.Warning, DraftPart.Signature, new TextSpan(0, 0),
                $"Signaturen har en bild som inte är kommunens logotyp ({Describe(image)}).",
                "Ta bort bilden. Den gemensamma signaturen har bara kommunens logotyp.");

        if (termMatches.Any(m => m.Term.Note == "social")) yield break;
        foreach (var link in draft.Text.SignatureLinks.Where(IsSocialLink).Distinct())
            yield return draft.Found("signature.additions", Severity.Warning, DraftPart.Signature, new TextSpan(0, 0),
                    $"Signaturen länkar till sociala medier ({link}).", "Ta bort länken.");
    }

    private static string AdditionMessage(string kind) => kind switch
    {
        "enhet" => "\"Skickat från …\" är ett tillägg som inte hör till kommunens signatur.",
        "social" => "Signaturen har en länk eller hänvisning till sociala medier.",
        _ => "Signaturen har ett eget tillägg (citat, slogan eller uppmaning).",
    };

    private static bool IsPersonName(string line)
    {
        var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4
               && words.All(w => w.Split('-').All(IsCapitalised) || w is "af" or "von" or "van" or "de")
               && !words.Any(w => w is "Botkyrka" or "Med" or "Vänlig" or "Vänliga" or "Bästa" or "Hälsningar");
    }

    private static bool IsCapitalised(string part) =>
        part.Length >= 2 && char.IsUpper(part[0]) && part.Skip(1).All(char.IsLower);

    private static bool IsQuoteOrSlogan(string signature, TextSpan line)
    {
        var text = signature.AsSpan(line.Start, line.Length).Trim();
        if (text.Length == 0) return false;
        var quoted = text[0] is '"' or '”' or '“' or '„' or '«' or '\'';
        return quoted || (text[^1] == '!' && text.Length > 3);
    }

    private static IEnumerable<TextSpan> LinesOf(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            if (i > start) yield return new TextSpan(start, i - start);
            start = i + 1;
        }
    }

    private static bool IsLogo(SignatureImage image, OrganisationOptions org) =>
        org.Signature.LogoMarkers.Any(m =>
            image.Alt.Contains(m, StringComparison.OrdinalIgnoreCase) || image.Src.Contains(m, StringComparison.OrdinalIgnoreCase));

    private static string Describe(SignatureImage image) =>
        image.Alt.Length > 0 ? image.Alt : image.Src.StartsWith("cid:", StringComparison.Ordinal) ? "inbäddad bild" : image.Src;

    private static bool IsSocialLink(string href) => SocialHost().IsMatch(href);

    private static string JoinSwedish(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1];

    [GeneratedRegex(@"(\+46|\b0)\s?\d{1,3}(?:[\s-]?\d){5,10}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(facebook|instagram|linkedin|twitter|youtube|tiktok|threads)\.com|//(www\.)?x\.com", RegexOptions.IgnoreCase)]
    private static partial Regex SocialHost();
}
