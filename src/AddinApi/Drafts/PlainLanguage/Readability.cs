using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.PlainLanguage;

/// <summary>
/// Språklagen (2009:600) 11 §: "vårdat, enkelt och begripligt". LIX (Björnsson) = words per sentence +
/// 100 × long words / words, a long word having more than six letters; a reply to a citizen should land ≤ 40.
/// The LIX warning is for Swedish and English text: Finnish builds long words by inflection and compounding, so even
/// plain Finnish lands above the Swedish bands.
/// </summary>
internal sealed class Readability(Languages languages) : IDraftRule
{
    public const double LixWarning = 45;
    public const int LixMinimumWords = 30;
    public const int LongSentenceWords = 25;
    public const int TooLongWords = 300;

    public static TextMetrics Measure(string text, IReadOnlyList<TextSpan> words, IReadOnlyList<Sentence> sentences)
    {
        var longWords = words.Count(w => Words.LetterCount(text.AsSpan(w.Start, w.Length)) > 6);
        if (words.Count == 0) return new TextMetrics(0, 0, 0, 0);
        var lix = (double)words.Count / Math.Max(1, sentences.Count) + 100.0 * longWords / words.Count;
        return new TextMetrics(Math.Round(lix, 1), words.Count, sentences.Count, longWords);
    }

    /// <summary>The LIX bands of lix.se, in words.</summary>
    public static string Band(double lix) => lix switch
    {
        < 30 => "mycket lättläst",
        < 40 => "lättläst",
        < 50 => "medelsvår, som en dagstidning",
        < 60 => "svår, som en myndighetstext",
        _ => "mycket svår, byråkratisk",
    };

    public IEnumerable<Finding> Check(DraftContext draft)
    {
        var text = draft.Text.Own;
        var metrics = Measure(text, draft.OwnWords, draft.OwnSentences);
        var whole = new TextSpan(0, text.Length);

        if (metrics.Words >= LixMinimumWords && metrics.Lix > LixWarning && languages.Of(text) != Languages.Finnish)
            yield return draft.Found("plain.lix", Severity.Warning, DraftPart.Body, whole,
                $"Texten har LIX {metrics.Lix:0.0} ({Band(metrics.Lix)}). Ett svar till en invånare bör ligga på högst 40.",
                "Skriv kortare meningar och välj kortare, vanligare ord.");

        foreach (var sentence in draft.OwnSentences.Where(s => s.Words > LongSentenceWords))
            yield return draft.Found("plain.long-sentence", Severity.Warning, DraftPart.Body, sentence.Span,
                $"Meningen har {sentence.Words} ord. Meningar över {LongSentenceWords} ord blir svåra att läsa.",
                "Dela upp meningen: en tanke per mening.");

        if (metrics.Words > TooLongWords)
            yield return draft.Found("plain.too-long", Severity.Warning, DraftPart.Body, whole,
                $"Texten har {metrics.Words} ord – längre än en skärmsida.",
                "Skriv kort och ta det viktigaste först. Ring eller boka ett möte om frågan kräver långa förklaringar.");
    }
}
