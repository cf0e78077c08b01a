using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>What an acknowledgement must be before it is recorded, with the defaults an official expects.</summary>
internal sealed class AcknowledgementRules(WorkingDayCalendar calendar, ConfidentialContent confidential, Languages languages, TimeProvider clock)
{
    public const int MaxPersonalLine = 500;

    /// <summary>The complete facts, or the 400 that says which field is wrong.</summary>
    public (ReceiptFacts? Facts, ValidationProblem? Problem) Check(AcknowledgementRequest request, Tracked tracked, ContactPerson me)
    {
        var today = clock.Today();
        var promised = request.PromisedDate ?? calendar.SameOrNextWorkingDay(tracked.Facts.DueDate < today ? today : tracked.Facts.DueDate);
        if (promised < today)
            return (null, Invalid.Field("promisedDate", "Svarsdatumet kan inte vara före i dag."));
        if (promised > today.AddYears(1))
            return (null, Invalid.Field("promisedDate", "Svarsdatumet kan ligga högst ett år fram i tiden."));
        if (calendar.NameOfDayOff(promised) is { } dayOff)
            return (null, Invalid.Field("promisedDate", $"{promised:yyyy-MM-dd} är inte en arbetsdag ({dayOff}). Välj en arbetsdag."));

        var language = request.Language?.Trim().ToLowerInvariant() ?? tracked.Facts.Language;
        if (!ReceiptText.Languages.Contains(language))
            return (null, Invalid.Field("language", "Ange language: sv, fi eller en."));

        var contact = request.ContactPerson ?? me;
        if (string.IsNullOrWhiteSpace(contact.Name) || contact.Name.Length > 200)
            return (null, Invalid.Field("contactPerson.name", "Ange kontaktpersonens namn (högst 200 tecken)."));
        if (string.IsNullOrWhiteSpace(contact.Email) || !contact.Email.Contains('@', StringComparison.Ordinal) || contact.Email.Length > 320)
            return (null, Invalid.Field("contactPerson.email", "Ange kontaktpersonens e-postadress."));
        if (contact.Title?.Length > 200 || contact.Phone?.Length > 50)
            return (null, Invalid.Field("contactPerson", "Titeln får vara högst 200 tecken och telefonnumret högst 50."));

        var personal = string.IsNullOrWhiteSpace(request.PersonalLine) ? null : request.PersonalLine.Trim();
        if (personal?.Length > MaxPersonalLine)
            return (null, Invalid.Field("personalLine", $"Den personliga raden får vara högst {MaxPersonalLine} tecken."));
        if (personal is not null && confidential.PersonalIds(personal).Any())
            return (null, Invalid.Field("personalLine", "Skriv inte personnummer i mottagningsbeviset: e-post är inte en säker kanal."));

        var trimmed = new ContactPerson(contact.Name.Trim(), contact.Title?.Trim(), contact.Phone?.Trim(), contact.Email.Trim());
        return (new ReceiptFacts(Stockholm.DayOf(tracked.Facts.ReceivedAt), promised, trimmed, me, language, personal,
            tracked.Facts.Sensitive), null);
    }

    /// <summary>What the official should know before sending: allowed, but worth a second look.</summary>
    public IReadOnlyList<ReceiptWarning> Warnings(ReceiptFacts facts, TrackedMessage message)
    {
        var warnings = new List<ReceiptWarning>();
        // TF 2 kap. 15 §: a request for public records is handled "skyndsamt"; JO accepts days only when the documents
        // must be found or tried for secrecy.
        if (message.Category == MessageCategory.DocumentRequest && facts.PromisedDate > message.DueDate)
            warnings.Add(new("document-request.later-than-due",
                $"En begäran om allmän handling ska handläggas skyndsamt (TF 2 kap. 15 §): besked samma dag, senast {message.DueDate:yyyy-MM-dd}. " +
                "Lova ett senare datum bara när handlingen måste letas fram eller sekretessprövas, och skriv varför i din egen rad."));
        if (facts.PersonalLine is { } line && languages.Counted(line) is { Sure: true } found && found.Language != facts.Language)
            warnings.Add(new("personal-line.language",
                $"Din egen rad verkar vara skriven på {Name(found.Language)}, men mottagningsbeviset är på {Name(facts.Language)}. Skriv raden på samma språk."));
        return warnings;
    }

    private static string Name(string language) => language switch { "fi" => "finska", "en" => "engelska", _ => "svenska" };
}
