using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>The facts a receipt is written from.</summary>
internal sealed record ReceiptFacts(DateOnly ReceivedDate, DateOnly PromisedDate, ContactPerson Contact, ContactPerson Sender,
    string Language, string? PersonalLine);

/// <summary>
/// The acknowledgement (mottagningsbevis) in Swedish, Finnish and English: that the message has arrived and is a
/// public record, the promised answer date, the contact person's name, title, phone and e-mail, and how and when
/// to reach Kontaktcenter. Finnish because Botkyrka is in the Finnish administrative area (Lag 2009:724).
/// The Swedish text passes the product's own draft review without a warning.
/// </summary>
internal sealed class ReceiptText(IOptions<OrganisationOptions> organisation)
{
    // Encodes what must be encoded (the official's and the citizen's text is never markup) and keeps å, ä, ö.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static readonly string[] Languages = ["sv", "fi", "en"];

    public static string Subject(string original, string language)
    {
        var prefix = language switch { "fi" => "VS: ", "en" => "RE: ", _ => "SV: " };
        return original.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? original : prefix + original;
    }

    public string Html(ReceiptFacts facts)
    {
        var org = organisation.Value;
        var culture = CultureInfo.GetCultureInfo(facts.Language switch { "fi" => "fi-FI", "en" => "en-GB", _ => "sv-SE" });
        string Day(DateOnly day) => day.ToString(facts.Language == "fi" ? "dddd d. MMMM yyyy" : "dddd d MMMM yyyy", culture);
        string E(string? text) => Encoder.Encode(text ?? "");
        var c = facts.Contact;
        var contactLine = string.Join(", ", new[] { c.Name, c.Title }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(E));
        var personal = string.IsNullOrWhiteSpace(facts.PersonalLine) ? "" : $"<p>{E(facts.PersonalLine.Trim())}</p>\n";

        var body = facts.Language switch
        {
            "fi" => $"""
                <p>Hei!</p>
                <p>Kiitos viestistäsi. Se saapui kuntaan ({E(org.Name)}) {E(Day(facts.ReceivedDate))}. Viestisi on julkinen asiakirja. Se tarkoittaa, että kuka tahansa voi pyytää saada lukea sen.</p>
                <p>Saat vastauksen viimeistään {E(Day(facts.PromisedDate))}.</p>
                {personal}<p>Yhteyshenkilösi on {contactLine}. Puhelin: {E(c.Phone)}. Sähköposti: {E(c.Email)}.</p>
                <p>Voit myös soittaa asiakaspalveluumme (Kontaktcenter) numeroon {E(org.ContactCentre.Phone)}, {E(org.PhoneHoursFinnish)}.</p>
                """,
            "en" => $"""
                <p>Hello,</p>
                <p>Thank you for your message. It reached {E(org.Name)} on {E(Day(facts.ReceivedDate))}. Your message is a public record. This means that anyone may ask to read it.</p>
                <p>You will have an answer by {E(Day(facts.PromisedDate))} at the latest.</p>
                {personal}<p>Your contact person is {contactLine}. Phone: {E(c.Phone)}. E-mail: {E(c.Email)}.</p>
                <p>You can also call our contact centre (Kontaktcenter) on {E(org.ContactCentre.Phone)}, {E(org.PhoneHoursEnglish)}.</p>
                """,
            _ => $"""
                <p>Hej!</p>
                <p>Tack för ditt meddelande. Det kom in till {E(org.Name)} {E(Day(facts.ReceivedDate))}. Ditt meddelande är en allmän handling. Det betyder att vem som helst kan be att få läsa det.</p>
                <p>Du får svar senast {E(Day(facts.PromisedDate))}.</p>
                {personal}<p>Din kontaktperson är {contactLine}. Telefon: {E(c.Phone)}. E-post: {E(c.Email)}.</p>
                <p>Du kan också ringa Kontaktcenter på {E(org.ContactCentre.Phone)}, {E(org.PhoneHours)}.</p>
                """,
        };
        return $"<div>\n{body}</div>\n{Signature(facts.Sender, facts.Language, org)}";
    }

    /// <summary>The common signature (e-post guideline: "Använd kommunens gemensamma mejlsignatur").</summary>
    private static string Signature(ContactPerson sender, string language, OrganisationOptions org)
    {
        var greeting = language switch { "fi" => "Ystävällisin terveisin", "en" => "Kind regards", _ => "Med vänlig hälsning" };
        var phone = language switch { "fi" => "Puhelin", "en" => "Phone", _ => "Telefon" };
        var email = language switch { "fi" => "Sähköposti", "en" => "E-mail", _ => "E-post" };
        var lines = new List<string> { greeting, sender.Name };
        if (!string.IsNullOrWhiteSpace(sender.Title)) lines.Add(sender.Title);
        lines.Add(org.Name);
        if (!string.IsNullOrWhiteSpace(sender.Phone)) lines.Add($"{phone}: {sender.Phone}");
        lines.Add($"{email}: {sender.Email}");
        lines.Add(org.Website);
        return "<div id=\"Signature\"><p>" + string.Join("<br>", lines.Select(Encoder.Encode)) + "</p></div>";
    }
}
