using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Drafts.Attachments;

/// <summary>
/// The e-mail guideline: "Undvik att bifoga filer, använd istället samarbetsrum". Inline images (the logo)
/// are part of the body, not attachments.
/// </summary>
internal sealed class AttachmentRule : IDraftRule
{
    public IEnumerable<Finding> Check(DraftContext draft)
    {
        var offset = 0;
        foreach (var name in draft.Attachments)
        {
            yield return draft.Found("attachments.present", Severity.Warning, DraftPart.Attachments,
                new TextSpan(offset, name.Length),
                $"Mejlet har en bilaga ({name}).",
                "Dela filen i ett samarbetsrum eller på en överenskommen plats i stället för att bifoga den.");
            offset += name.Length + DraftContext.RecipientSeparator.Length;
        }
    }
}
