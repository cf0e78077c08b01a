using Kontaktlofte.AddinApi.Drafts.PlainLanguage;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Drafts;

/// <summary>Reads a draft once and runs every rule over it. Stores nothing and logs nothing of the text.</summary>
internal sealed class DraftReviewer(IEnumerable<IDraftRule> rules, IOptions<OrganisationOptions> organisation, TimeProvider clock)
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private readonly IDraftRule[] _rules = rules.ToArray();

    public DraftReview Review(DraftReviewRequest request)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);
        var draft = new DraftContext(request, organisation.Value, today);
        var findings = _rules.SelectMany(rule => rule.Check(draft))
            .OrderBy(f => f.Part).ThenBy(f => f.Start).ThenByDescending(f => f.Severity)
            .ToList();
        var verdict = findings.Any(f => f.Severity == Severity.Error) ? Verdict.Block
            : findings.Any(f => f.Severity == Severity.Warning) ? Verdict.Warn
            : Verdict.Ok;
        return new DraftReview(verdict, findings, Readability.Measure(draft.Text.Own, draft.OwnWords, draft.OwnSentences));
    }
}
