namespace Kontaktlofte.AddinApi.Drafts.Tone;

/// <summary>The e-mail guideline: "Begär inte läskvitto – det stressar mottagaren."</summary>
internal sealed class ReadReceipt : IDraftRule
{
    public IEnumerable<Finding> Check(DraftContext draft)
    {
        if (draft.Request.ReadReceiptRequested)
            yield return draft.Found("request.read-receipt", Severity.Warning, DraftPart.Body, new(0, 0),
                "Du har begärt läskvitto. Det stressar mottagaren.",
                "Stäng av läskvittot. Behöver du veta att mejlet kommit fram, be om ett kort svar.");
    }
}
