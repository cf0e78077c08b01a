using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.Tone;

/// <summary>
/// "Använd klarspråk och en bra ton": words in capitals read as shouting, and so does "!!". Acronyms
/// (SKR, PDF, LSS, <c>acronyms.tsv</c>) and short capital words standing alone are not shouting.
/// </summary>
internal sealed class Shouting : IDraftRule
{
    private const int ShortAcronymLetters = 4;

    private readonly HashSet<string> _acronyms = DataFiles.Rows("acronyms.tsv").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<Finding> Check(DraftContext draft)
    {
        var text = draft.Text.Own;
        var words = draft.OwnWords;
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsCapitals(text, words[i])) continue;
            var run = i;
            while (run + 1 < words.Count && IsCapitals(text, words[run + 1]) && OnlySpaceBetween(text, words[run], words[run + 1]))
                run++;
            var runWords = Enumerable.Range(i, run - i + 1).Select(k => text.Substring(words[k].Start, words[k].Length)).ToList();
            var shouting = runWords.Count > 1
                ? runWords.Any(w => !_acronyms.Contains(w))
                : !_acronyms.Contains(runWords[0]) && Words.LetterCount(runWords[0]) > ShortAcronymLetters;
            if (shouting)
                yield return draft.Found("tone.shouting", Severity.Warning, DraftPart.Body,
                    new TextSpan(words[i].Start, words[run].End - words[i].Start),
                    "Ord med versaler uppfattas som att du skriker.",
                    "Skriv med vanliga bokstäver. Vill du betona något, säg det i en egen kort mening.");
            i = run;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '!' || i + 1 >= text.Length || text[i + 1] != '!') continue;
            var end = i;
            while (end < text.Length && text[end] == '!') end++;
            yield return draft.Found("tone.shouting", Severity.Warning, DraftPart.Body, new TextSpan(i, end - i),
                "Flera utropstecken uppfattas som att du är upprörd eller skriker.", "Använd högst ett utropstecken.");
            i = end;
        }
    }

    private static bool IsCapitals(string text, TextSpan word)
    {
        var letters = 0;
        foreach (var c in text.AsSpan(word.Start, word.Length))
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }

    private static bool OnlySpaceBetween(string text, TextSpan a, TextSpan b) =>
        text.AsSpan(a.End, b.Start - a.End).Trim(" ,").IsEmpty;
}
