using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.PlainLanguage;

/// <summary>Abbreviations that slow a reader down (t.ex., bl.a., p.g.a. …), from <c>abbreviations.tsv</c>.</summary>
internal sealed class Abbreviations : IDraftRule
{
    private readonly Dictionary<string, string> _writtenOut;
    private readonly Regex _pattern;

    public Abbreviations()
    {
        var rows = DataFiles.Rows("abbreviations.tsv").ToList();
        _writtenOut = rows.ToDictionary(r => r[0].ToLowerInvariant(), r => r[1]);
        // Longest first, so that "t.o.m." wins over "t."; not inside a word on either side.
        var alternatives = rows.Select(r => r[0]).OrderByDescending(a => a.Length).Select(Regex.Escape);
        _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}.])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public IEnumerable<Finding> Check(DraftContext draft) =>
        _pattern.Matches(draft.Text.Own).Select(match => draft.Found(
            "plain.abbreviation", Severity.Info, DraftPart.Body, new TextSpan(match.Index, match.Length),
            $"Förkortningen \"{match.Value}\" kan vara svår att förstå.",
            $"Skriv ut: {_writtenOut[match.Value.ToLowerInvariant()]}."));
}
