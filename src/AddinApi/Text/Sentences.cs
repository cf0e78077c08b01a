namespace Kontaktlofte.AddinApi.Text;

/// <summary>A sentence of the official's text and how many words it has.</summary>
internal readonly record struct Sentence(TextSpan Span, int Words);

internal static class Sentences
{
    /// <summary>
    /// Splits text into sentences the way LIX counts them: at ".", "!", "?" and ":" followed by a space or
    /// the end, and at a line break before a capital, a digit, a list mark or an empty line (greetings,
    /// headings and list items stand alone; a plain-text line wrapped mid-sentence does not end it).
    /// </summary>
    public static List<Sentence> Split(string text, IReadOnlyList<TextSpan> words)
    {
        var sentences = new List<Sentence>();
        var w = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !EndsSentence(text, i)) continue;
            var end = i < text.Length ? i + 1 : i;
            var count = 0;
            var first = -1;
            while (w < words.Count && words[w].Start < end)
            {
                if (first < 0) first = words[w].Start;
                count++;
                w++;
            }
            if (count > 0)
            {
                var last = text.AsSpan(first, end - first).TrimEnd();
                sentences.Add(new Sentence(new TextSpan(first, last.Length), count));
            }
        }
        return sentences;
    }

    private static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\n';
        if (c is '.' or '!' or '?' or ':' or '…') return next is ' ' or '\n' or '"' or '”' or ')';
        if (c != '\n') return false;
        var after = i + 1 < text.Length ? text[i + 1] : '\n';
        return after == '\n' || char.IsUpper(after) || char.IsDigit(after) || after is '-' or '•' or '*' or '–';
    }
}
