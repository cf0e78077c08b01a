namespace Kontaktlofte.AddinApi.Drafts;

/// <summary>One guideline the review checks. Rules are stateless singletons; the context is read once per draft.</summary>
internal interface IDraftRule
{
    IEnumerable<Finding> Check(DraftContext draft);
}
