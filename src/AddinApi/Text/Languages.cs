namespace Kontaktlofte.AddinApi.Text;

/// <summary>
/// Tells Swedish, Finnish and English apart by their common words (<c>language-words.tsv</c>). Used for the
/// citizen's language on arrival and for the language of a reply (Lag 2009:724: Finnish in Botkyrka).
/// </summary>
internal sealed class Languages
{
    public const string Swedish = "sv";
    public const string Finnish = "fi";
    public const string English = "en";

    private readonly Dictionary<string, string> _words =
        DataFiles.Rows("language-words.tsv").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);

    private readonly TermList _requests = TermList.Load("language-requests.tsv");

    /// <summary>The language in Swedish words, as a message names it ("finska").</summary>
    public static string Name(string language) => language switch
    {
        Finnish => "finska",
        English => "engelska",
        _ => "svenska",
    };

    /// <summary>
    /// The language a text asks to be answered in ("vastatkaa suomeksi", "please answer in English",
    /// "svara på finska"), the first such request; null when it asks for none.
    /// </summary>
    public string? Requested(string text) => _requests.Find(text).Select(m => m.Term.Note).FirstOrDefault();

    /// <summary>The language with the most of its common words; Swedish unless another clearly leads.</summary>
    public string Of(string text) => Counted(text).Language;

    /// <summary>The language, and whether the text had enough common words to tell at all.</summary>
    public (string Language, bool Sure) Counted(string text)
    {
        var counts = new Dictionary<string, int>();
        var lower = text.ToLowerInvariant();
        foreach (var word in Words.Tokenize(lower))
            if (_words.TryGetValue(lower.Substring(word.Start, word.Length), out var language))
                counts[language] = counts.GetValueOrDefault(language) + 1;
        var sv = counts.GetValueOrDefault(Swedish);
        var best = counts.OrderByDescending(c => c.Value).FirstOrDefault();
        if (best.Key is { } other && other != Swedish && best.Value >= 2 && best.Value > sv) return (other, true);
        return (Swedish, sv >= 2);
    }
}
