namespace Kontaktlofte.AddinApi.Text;

/// <summary>
/// A word list kept as a data file (TSV: <c>pattern⇥note</c>, <c>#</c> comments). A pattern is one or more
/// alternatives separated by <c>|</c>; each alternative is words separated by spaces; a word is matched
/// exactly, or as a prefix (<c>erhåll*</c>), suffix (<c>*missbruk</c>) or infix (<c>*missbruk*</c>), so that
/// one line covers every inflection; a lone <c>*</c> is any word. A word in brackets (<c>gällande [din]</c>)
/// is context: it must be there but is not part of the match. The words of a phrase must stand apart by
/// white space only ("i samband med", not "i samband. Med"). Words written in capitals (LVU, OSL) match
/// case-sensitively, all others ignore case. Matching walks the text's words once with hash look-ups:
/// linear in the text.
/// </summary>
internal sealed class TermList
{
    private enum Kind { Exact, Prefix, Suffix, Infix }

    private readonly record struct WordPattern(string Text, Kind Kind, bool CaseSensitive, bool Context);

    /// <summary>One alternative of a term; <c>First</c>..<c>Last</c> are the words that make the match, the rest context.</summary>
    private sealed record Alternative(Term Term, WordPattern[] Words, int First, int Last);

    private readonly Dictionary<string, List<Alternative>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Alternative>> _prefix = new(StringComparer.Ordinal);
    private readonly List<Alternative> _other = [];
    private readonly int[] _prefixLengths;

    public IReadOnlyList<Term> Terms { get; }

    private TermList(List<Term> terms)
    {
        Terms = terms;
        foreach (var term in terms)
        foreach (var alternative in term.Pattern.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseWord).ToArray();
            var first = Array.FindIndex(words, w => !w.Context);
            if (first < 0) throw new FormatException($"\"{alternative}\" har bara sammanhangsord inom [ ].");
            var entry = new Alternative(term, words, first, Array.FindLastIndex(words, w => !w.Context));
            var index = words[0].Kind switch { Kind.Exact => _exact, Kind.Prefix => _prefix, _ => null };
            if (index is null) { _other.Add(entry); continue; }
            // Indexed in lower case; a case-sensitive word is checked against the original text in Matches.
            var key = words[0].Text.ToLowerInvariant();
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(entry);
        }
        _prefixLengths = _prefix.Keys.Select(k => k.Length).Distinct().Order().ToArray();
    }

    public static TermList Parse(string tsv)
    {
        var terms = new List<Term>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            terms.Add(new Term(columns[0].Trim(), columns.Length > 1 ? columns[1].Trim() : ""));
        }
        return new TermList(terms);
    }

    /// <summary>Reads a list embedded in the assembly (the .tsv files beside the rules).</summary>
    public static TermList Load(string fileName) => Parse(DataFiles.Read(fileName));

    /// <summary>
    /// Every match, left to right, the longest (in words, context included) at each place, none overlapping;
    /// a trailing context word may begin the next match.
    /// </summary>
    public List<TermMatch> Find(string text, IReadOnlyList<TextSpan> words)
    {
        var matches = new List<TermMatch>();
        if (words.Count == 0) return matches;
        var lower = text.ToLowerInvariant(); // simple case mapping: same length, same indexes
        var exact = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        var prefix = _prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var best = default(TermMatch?);
            var bestWords = 0;
            var bestLast = 0;
            void Consider(List<Alternative>? candidates)
            {
                if (candidates is null) return;
                foreach (var candidate in candidates)
                {
                    if (candidate.Words.Length <= bestWords || !Matches(candidate, text, lower, words, i)) continue;
                    var first = words[i + candidate.First];
                    var last = words[i + candidate.Last];
                    best = new TermMatch(first.Start, last.End - first.Start, candidate.Term);
                    bestWords = candidate.Words.Length;
                    bestLast = candidate.Last;
                }
            }
            Consider(exact.TryGetValue(lower.AsSpan(word.Start, word.Length), out var e) ? e : null);
            foreach (var length in _prefixLengths)
            {
                if (length > word.Length) break;
                Consider(prefix.TryGetValue(lower.AsSpan(word.Start, length), out var p) ? p : null);
            }
            Consider(_other);
            if (best is { } match)
            {
                matches.Add(match);
                i += bestLast;
            }
        }
        return matches;
    }

    public List<TermMatch> Find(string text) => Find(text, Words.Tokenize(text));

    private static bool Matches(Alternative alternative, string text, string lower, IReadOnlyList<TextSpan> words, int at)
    {
        if (at + alternative.Words.Length > words.Count) return false;
        for (var k = 0; k < alternative.Words.Length; k++)
        {
            var pattern = alternative.Words[k];
            var span = words[at + k];
            if (k > 0 && !IsWhiteSpace(text.AsSpan(words[at + k - 1].End, span.Start - words[at + k - 1].End))) return false;
            var word = (pattern.CaseSensitive ? text : lower).AsSpan(span.Start, span.Length);
            var ok = pattern.Kind switch
            {
                Kind.Exact => word.SequenceEqual(pattern.Text),
                Kind.Prefix => word.StartsWith(pattern.Text, StringComparison.Ordinal),
                Kind.Suffix => word.EndsWith(pattern.Text, StringComparison.Ordinal),
                _ => word.Contains(pattern.Text, StringComparison.Ordinal),
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool IsWhiteSpace(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap) if (!char.IsWhiteSpace(c)) return false;
        return true;
    }

    private static WordPattern ParseWord(string word)
    {
        var context = word.StartsWith('[');
        if (context != word.EndsWith(']') || word == "[]")
            throw new FormatException($"\"{word}\": ett sammanhangsord skrivs inom [ ].");
        if (context) word = word[1..^1];
        var leading = word.StartsWith('*');
        var trailing = word.EndsWith('*'); // a lone * is both: it is in every word
        var core = word.Trim('*');
        var kind = (leading, trailing) switch
        {
            (true, true) => Kind.Infix,
            (true, false) => Kind.Suffix,
            (false, true) => Kind.Prefix,
            _ => Kind.Exact,
        };
        var caseSensitive = core.Length >= 2 && core.Any(char.IsLetter) && core.Where(char.IsLetter).All(char.IsUpper);
        return new WordPattern(caseSensitive ? core : core.ToLowerInvariant(), kind, caseSensitive, context);
    }
}

/// <summary>One line of a word list: its pattern and its note (the plain replacement, the kind of term …).</summary>
internal sealed record Term(string Pattern, string Note);

internal readonly record struct TermMatch(int Start, int Length, Term Term)
{
    public TextSpan Span => new(Start, Length);
}

/// <summary>The data files embedded in the assembly.</summary>
internal static class DataFiles
{
    public static string Read(string fileName)
    {
        using var stream = typeof(DataFiles).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"Datafilen {fileName} saknas i programmet.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string[]> Rows(string fileName) =>
        Read(fileName).Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t').Select(c => c.Trim()).ToArray());
}
