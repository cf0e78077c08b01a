using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.PlainLanguage;

/// <summary>
/// Officialese with its plain replacement (Regeringskansliet's "Svarta listan", Myndigheternas skrivregler),
/// every inflection, from <c>officialese.tsv</c>.
/// </summary>
internal sealed class Officialese : IDraftRule
{
    private readonly TermList _terms = TermList.Load("officialese.tsv");

    public int Count => _terms.Terms.Count;

    public IEnumerable<Finding> Check(DraftContext draft) =>
        _terms.Find(draft.Text.Own, draft.OwnWords).Select(match => draft.Found(
            "plain.officialese", Severity.Warning, DraftPart.Body, match.Span,
            $"\"{draft.Text.Own.Substring(match.Start, match.Length)}\" är krångligt myndighetsspråk.",
            $"Skriv hellre: {match.Term.Note}."));
}
