using Kontaktlofte.AddinApi.Drafts.PlainLanguage;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Drafts;

/// <summary>Reads a draft once and runs every rule over it. Stores nothing and logs nothing of the text.</summary>
internal sealed class DraftReviewer(IEnumerable<IDraftRule> rules, IOptions<OrganisationOptions> organisation, TimeProvider clock)
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Findings kept of one rule in one part at one severity: the official mends the first and reviews again.</summary>
    public const int MaxFindingsOfAKind = 25;

    /// <summary>
    /// Findings read from one rule at most. Pasted or hostile text can hold hundreds of thousands of the same
    /// finding (1.9 MB of "3/12 " made 380,000 and a 90 MB answer); rules yield lazily, so reading stops here.
    /// </summary>
    public const int MaxFindingsReadPerRule = 1_000;

    private readonly IDraftRule[] _rules = rules.ToArray();

    /// <exception cref="DraftTooComplexException">The HTML is too complex to tell the draft's parts apart.</exception>
    public DraftReview Review(DraftReviewRequest request)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);
        var draft = new DraftContext(request, organisation.Value, today, clock);
        var findings = _rules.SelectMany(rule => Bounded(rule.Check(draft)))
            .OrderBy(f => f.Part).ThenBy(f => f.Start).ThenByDescending(f => f.Severity)
            .ToList();
        var verdict = findings.Any(f => f.Severity == Severity.Error) ? Verdict.Block
            : findings.Any(f => f.Severity == Severity.Warning) ? Verdict.Warn
            : Verdict.Ok;
        return new DraftReview(verdict, findings, Readability.Measure(draft.Text.Own, draft.OwnWords, draft.OwnSentences));
    }

    /// <summary>The first findings of each kind; a kind is per severity, so the verdict is the one all findings give.</summary>
    private static IEnumerable<Finding> Bounded(IEnumerable<Finding> findings)
    {
        var kept = new Dictionary<(string Rule, DraftPart Part, Severity Severity), int>();
        foreach (var finding in findings.Take(MaxFindingsReadPerRule))
        {
            var kind = (finding.Rule, finding.Part, finding.Severity);
            var count = kept.GetValueOrDefault(kind);
            if (count == MaxFindingsOfAKind) continue;
            kept[kind] = count + 1;
            yield return finding;
        }
    }
}
