namespace Kontaktlofte.AddinApi.Drafts.Tone;

/// <summary>The e-mail guideline: "ange i ämnesraden vad du förväntar dig att mottagaren ska göra."</summary>
internal sealed class SubjectLine : IDraftRule
{
    public IEnumerable<Finding> Check(DraftContext draft)
    {
        if (draft.Subject.Length == 0)
            yield return draft.Found("subject.missing", Severity.Warning, DraftPart.Subject, new(0, 0),
                "Mejlet saknar ämnesrad.",
                "Skriv en kort ämnesrad som säger vad mejlet gäller, utan personuppgifter.");
    }
}
