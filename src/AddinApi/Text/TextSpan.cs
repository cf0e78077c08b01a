namespace Kontaktlofte.AddinApi.Text;

/// <summary>A run of characters in one extracted text: where a word, sentence or finding is.</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

internal static class Words
{
    /// <summary>
    /// The words of a text: runs of letters and digits, with inner hyphens and apostrophes kept
    /// ("e-post" is one word, as readers and LIX count it).
    /// </summary>
    public static List<TextSpan> Tokenize(string text)
    {
        var words = new List<TextSpan>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length)
            {
                if (char.IsLetterOrDigit(text[i])) i++;
                else if (text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) i++;
                else break;
            }
            words.Add(new TextSpan(start, i - start));
        }
        return words;
    }

    public static int LetterCount(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word) if (char.IsLetter(c)) letters++;
        return letters;
    }

    /// <summary>An excerpt short enough to show in a list: whitespace folded, at most <paramref name="max"/> characters.</summary>
    public static string Excerpt(string text, TextSpan span, int max = 80)
    {
        var raw = text.Substring(span.Start, span.Length).ReplaceLineEndings(" ");
        return raw.Length <= max ? raw : string.Concat(raw.AsSpan(0, max - 1), "…");
    }
}
