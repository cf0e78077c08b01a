using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Confidentiality;

/// <summary>What kind of confidential content was found.</summary>
internal enum ConfidentialKind { PersonalId, SecrecyMarker, SensitiveData }

/// <summary>A piece of confidential content and where it is.</summary>
internal readonly record struct ConfidentialMatch(ConfidentialKind Kind, TextSpan Span, string Note);

/// <summary>
/// The detectors for secret and sensitive content, shared by the draft review and the reading of
/// incoming mail: personal identity numbers, secrecy markers (OSL, skyddad identitet …) and GDPR
/// art. 9 / social-services terms, from <c>secrecy-markers.tsv</c> and <c>sensitive-terms.tsv</c>.
/// </summary>
internal sealed class ConfidentialContent(TimeProvider clock)
{
    private readonly TermList _secrecy = TermList.Load("secrecy-markers.tsv");
    private readonly TermList _sensitive = TermList.Load("sensitive-terms.tsv");
    private readonly TermList _explanation = TermList.Load("secrecy-explanations.tsv");

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public IEnumerable<TextSpan> PersonalIds(string text) => PersonalIdentityNumber.Find(text, Today);

    public List<ConfidentialMatch> Find(string text) => Find(text, Words.Tokenize(text));

    /// <summary>
    /// Matches of one kind found at most, the first in the text: more than any answer shows, and a pasted list
    /// (1.9 MB of personal identity numbers: 158,000, each checked for date and check digit) stays quick.
    /// </summary>
    public const int MaxMatchesOfAKind = 1_000;

    public List<ConfidentialMatch> Find(string text, IReadOnlyList<TextSpan> words)
    {
        var found = PersonalIds(text).Take(MaxMatchesOfAKind)
            .Select(span => new ConfidentialMatch(ConfidentialKind.PersonalId, span, "personnummer")).ToList();
        found.AddRange(_secrecy.Find(text, words).Take(MaxMatchesOfAKind)
            .Select(m => new ConfidentialMatch(ConfidentialKind.SecrecyMarker, m.Span, m.Term.Note)));
        found.AddRange(_sensitive.Find(text, words).Take(MaxMatchesOfAKind)
            .Select(m => new ConfidentialMatch(ConfidentialKind.SensitiveData, m.Span, m.Term.Note)));
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    /// <summary>
    /// True when the text around a secrecy marker explains a secrecy decision about a document (a request,
    /// a review, an appeal) — legitimate work (OSL 6 kap.; the guideline tells the official to explain it).
    /// </summary>
    public bool ExplainsSecrecy(string text, TextSpan around)
    {
        const int window = 250;
        var from = Math.Max(0, around.Start - window);
        var to = Math.Min(text.Length, around.End + window);
        return _explanation.Find(text[from..to]).Count > 0;
    }
}
