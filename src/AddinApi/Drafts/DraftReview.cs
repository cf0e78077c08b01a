namespace Kontaktlofte.AddinApi.Drafts;

/// <summary>The outcome of a draft review.</summary>
/// <param name="Verdict"><c>block</c> when any finding is an error, <c>warn</c> when any is a warning, else <c>ok</c>.</param>
/// <param name="Findings">What the review found, in the order of the parts and positions.</param>
/// <param name="Metrics">Plain-language numbers over the official's own new text (not signature, not history).</param>
public sealed record DraftReview(Verdict Verdict, IReadOnlyList<Finding> Findings, TextMetrics Metrics);

public enum Verdict { Ok, Warn, Block }

public enum Severity { Info, Warning, Error }

/// <summary>Where in the draft a finding is.</summary>
public enum DraftPart { Subject, Body, Quoted, Signature, Recipients, Attachments }

/// <summary>One thing the review found.</summary>
/// <param name="Rule">Stable rule id, e.g. <c>confidential.personal-id</c>.</param>
/// <param name="Severity"><c>error</c> blocks sending, <c>warning</c> asks the official to look, <c>info</c> is advice.</param>
/// <param name="Part">The part of the draft.</param>
/// <param name="Start">Index into the plain text of that part as the API extracted it. For <c>recipients</c> that text
/// is the addresses of To, CC and BCC joined by "; "; for <c>attachments</c> the file names joined by "; ".</param>
/// <param name="Length">Length of the finding in that text.</param>
/// <param name="Excerpt">The text found (personal identity numbers with their last four digits masked).</param>
/// <param name="Message">What is wrong, in Swedish.</param>
/// <param name="Suggestion">What to do instead, in Swedish.</param>
public sealed record Finding(
    string Rule, Severity Severity, DraftPart Part, int Start, int Length, string Excerpt, string Message, string? Suggestion);

/// <summary>Plain-language numbers for the official's own text.</summary>
/// <param name="Lix">Läsbarhetsindex (Björnsson): words per sentence + 100 × long words / words, one decimal.</param>
/// <param name="Words">Number of words.</param>
/// <param name="Sentences">Number of sentences.</param>
/// <param name="LongWords">Words of more than six letters.</param>
public sealed record TextMetrics(double Lix, int Words, int Sentences, int LongWords)
{
    /// <summary>The LIX band in Swedish words; null when the text is too short for LIX to mean anything.</summary>
    public string? LixBand => Words >= PlainLanguage.Readability.LixMinimumWords ? PlainLanguage.Readability.Band(Lix) : null;
}
