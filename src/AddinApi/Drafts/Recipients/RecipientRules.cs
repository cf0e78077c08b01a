using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.Recipients;

/// <summary>
/// The e-mail guideline: CC only when truly needed ("En kopia är enbart för kännedom"), no mass mail,
/// and citizens' private addresses not shown to each other (GDPR: an address is a personal data).
/// </summary>
internal sealed class RecipientRules : IDraftRule
{
    public const int MassMailAbove = 10;
    public const int CcWarningFrom = 3;

    private readonly HashSet<string> _privateDomains =
        DataFiles.Rows("private-mail-domains.tsv").Select(r => r[0].ToLowerInvariant()).ToHashSet();

    public IEnumerable<Finding> Check(DraftContext draft)
    {
        var cc = draft.Recipients.Where(r => r.Field == "cc").ToList();
        if (cc.Count > 0)
            yield return draft.Found("recipients.cc",
                cc.Count >= CcWarningFrom ? Severity.Warning : Severity.Info,
                DraftPart.Recipients, Covering(cc),
                $"Mejlet har {cc.Count} mottagare på kopia (CC). En kopia är bara för kännedom.",
                "Skicka kopia bara när det verkligen behövs.");

        if (draft.Recipients.Count > MassMailAbove)
            yield return draft.Found("recipients.mass-mail", Severity.Warning, DraftPart.Recipients,
                new TextSpan(0, draft.RecipientsText.Length),
                $"Mejlet har {draft.Recipients.Count} mottagare. Skicka inte massmejl.",
                "Nå en större grupp via intranätet eller webben i stället.");

        var exposed = draft.Recipients
            .Where(r => r.Field is "to" or "cc" && !r.IsInternal && IsPrivate(r.Address))
            .ToList();
        if (exposed.Count >= 2)
            yield return draft.Found("recipients.exposed-addresses", Severity.Warning, DraftPart.Recipients, Covering(exposed),
                $"{exposed.Count} privatpersoners e-postadresser syns för varandra i Till/Kopia.",
                "Skicka ett mejl till var och en, eller lägg adresserna på dold kopia (BCC).");
    }

    private bool IsPrivate(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && _privateDomains.Contains(address[(at + 1)..].ToLowerInvariant());
    }

    private static TextSpan Covering(List<Recipient> recipients) =>
        new(recipients[0].Span.Start, recipients[^1].Span.End - recipients[0].Span.Start);
}
