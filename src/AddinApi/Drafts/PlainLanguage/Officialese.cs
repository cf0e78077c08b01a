using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.PlainLanguage;

/// <summary>
/// Officialese with its plain replacement (Regeringskansliet's "Svarta listan", Myndigheternas skrivregler),
/// from <c>officialese.tsv</c>. The list writes out each inflected form with a replacement in the same form
/// (erhöll → fick, erhållit → fått): a strong verb cannot be inflected by rule, and a written-out form never
/// catches an ordinary word that merely begins the same way (tillställning, verkställande direktör).
/// </summary>
internal sealed class Officialese : IDraftRule
{
    /// <summary>The note of a plain phrase that shadows a listed word (<c>i detta avseende</c>).</summary>
    public const string Plain = "-";

    private readonly TermList _terms = TermList.Load("officialese.tsv");

    /// <summary>The entries that are officialese (plain phrases left out).</summary>
    public IEnumerable<Term> Entries => _terms.Terms.Where(t => t.Note != Plain);

    /// <summary>The plain phrases that keep a listed word from being found.</summary>
    public IEnumerable<Term> PlainPhrases => _terms.Terms.Where(t => t.Note == Plain);

    public int Count => Entries.Count();

    /// <summary>Every match in the text, plain phrases included (their note is <see cref="Plain"/>).</summary>
    public List<TermMatch> Matches(string text, IReadOnlyList<TextSpan> words) => _terms.Find(text, words);

    public List<TermMatch> Matches(string text) => _terms.Find(text);

    /// <summary>
    /// The suggestion for an entry: "Skriv hellre: …" with the replacement, or the note itself when it is
    /// a whole sentence of advice (it ends with a full stop or a question mark).
    /// </summary>
    public static string Suggestion(Term term) =>
        term.Note.EndsWith('.') || term.Note.EndsWith('?') ? term.Note : $"Skriv hellre: {term.Note}.";

    public IEnumerable<Finding> Check(DraftContext draft) =>
        Matches(draft.Text.Own, draft.OwnWords).Where(match => match.Term.Note != Plain).Select(match => draft.Found(
            "plain.officialese", Severity.Warning, DraftPart.Body, match.Span,
            $"\"{draft.Text.Own.Substring(match.Start, match.Length)}\" är krångligt myndighetsspråk.",
            Suggestion(match.Term)));
}
