using System.Globalization;
using System.Text.Encodings.Web;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Organisation;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>What a hand-over says: to the new holder above the forwarded mail, and the short note to the citizen.</summary>
internal static class HandoverText
{
    private static HtmlEncoder Encoder => GeneratedMail.Encoder;

    /// <summary>
    /// Above the forward: who handed it over, that the new holder is now the contact person, and the day the promise ends —
    /// counted from the day the municipality received the mail (FL 22 §), not from today.
    /// </summary>
    public static string Forward(string byName, DateOnly answerBy, bool acknowledged, bool citizenTold, string? note)
    {
        string?[] paragraphs =
        [
            $"Hej! Jag lämnar över det här mejlet till dig. Du är nu kontaktperson för invånaren.",
            $"Svara senast {Date(answerBy, "sv")}. Kontaktlöftet räknas från dagen då kommunen tog emot mejlet." +
            (acknowledged ? " Invånaren har fått ett mottagningsbevis med det datumet." : ""),
            citizenTold ? "Invånaren får ett kort besked om att du är ny kontaktperson." : null,
            note,
            $"Hälsningar {byName}",
        ];
        return Html(paragraphs);
    }

    /// <summary>The note to the citizen: who their contact person is now, and how to reach them. Nothing of what they wrote.</summary>
    public static string CitizenNotice(string language, string contactName, string contactAddress, DateOnly answerBy, OrganisationOptions org) =>
        Html(language switch
        {
            "fi" =>
            [
                "Hei!", $"Viestisi on siirretty kollegalleni. Uusi yhteyshenkilösi on {contactName} ({contactAddress}).",
                $"Saat vastauksen viimeistään {Date(answerBy, "fi")}.",
                $"Voit myös soittaa asiakaspalveluumme (Kontaktcenter) numeroon {org.ContactCentre.Phone}.",
            ],
            "en" =>
            [
                "Hello,", $"Your message has been passed to a colleague. Your new contact person is {contactName} ({contactAddress}).",
                $"You will have an answer by {Date(answerBy, "en")} at the latest.",
                $"You can also call our contact centre (Kontaktcenter) on {org.ContactCentre.Phone}.",
            ],
            _ =>
            [
                "Hej!", $"Ditt meddelande har lämnats över till en kollega. Din nya kontaktperson är {contactName}, {contactAddress}.",
                $"Du får svar senast {Date(answerBy, "sv")}.",
                $"Du kan också ringa Kontaktcenter på {org.ContactCentre.Phone}.",
            ],
        });

    public static string Subject(string language) => language switch
    {
        "fi" => "Uusi yhteyshenkilö",
        "en" => "Your new contact person",
        _ => "Ny kontaktperson för ditt meddelande",
    };

    /// <summary>A date as each language writes it in a letter.</summary>
    internal static string Date(DateOnly date, string language) => language switch
    {
        "en" => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        "fi" => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE")),
    };

    private static string Html(IEnumerable<string?> paragraphs) =>
        "<div>\n" + string.Concat(paragraphs.OfType<string>().Select(p => $"<p>{Encoder.Encode(p)}</p>\n")) + "</div>\n";
}
