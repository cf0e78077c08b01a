using System.Text.Encodings.Web;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>The facts a receipt is written from.</summary>
/// <param name="ReceivedDate">The day the message came in (FL 22 §), in Stockholm.</param>
/// <param name="PromisedDate">The day the citizen will have an answer by.</param>
/// <param name="Contact">The contact person named in the receipt.</param>
/// <param name="Sender">The official who sends it: the signature.</param>
/// <param name="Language">sv, fi or en.</param>
/// <param name="PersonalLine">The official's own sentence, if any.</param>
/// <param name="Sensitive">The message holds secret or sensitive data (the tracked message's flag): the receipt then
/// says that what is secret is not released, next to "anyone may ask to read it".</param>
/// <param name="IsUpdate">A new answer date after the receipt ("nytt besked"): it says the answer is delayed, not that the
/// message has arrived.</param>
internal sealed record ReceiptFacts(DateOnly ReceivedDate, DateOnly PromisedDate, ContactPerson Contact, ContactPerson Sender,
    string Language, string? PersonalLine, bool Sensitive = false, bool IsUpdate = false);

/// <summary>
/// The acknowledgement (mottagningsbevis) in Swedish, Finnish and English: that the message has arrived and is a
/// public record, the promised answer date, the contact person's name, title, phone and e-mail, and how and when
/// to reach Kontaktcenter. Finnish because Botkyrka is in the Finnish administrative area (Lag 2009:724).
/// Every receipt passes the product's own draft review, subject included.
/// </summary>
internal sealed class ReceiptText(IOptions<OrganisationOptions> organisation)
{
    // Encodes what must be encoded (the official's and the citizen's text is never markup) and keeps å, ä, ö.
    private static HtmlEncoder Encoder => GeneratedMail.Encoder;

    public static readonly string[] Languages = ["sv", "fi", "en"];

    /// <summary>
    /// The receipt's subject: neutral, never the citizen's own. The mail log (sender, recipient, subject, time) is a
    /// public record and the e-mail guideline forbids secret or sensitive data in a subject; the citizen's subject may
    /// hold just that ("Ekonomiskt bistånd"), in words no list knows in every language. Threading does not need it:
    /// a reply made with createReply carries In-Reply-To and References.
    /// </summary>
    public static string Subject(string language, bool update = false) => (language, update) switch
    {
        ("fi", false) => "Olemme saaneet viestisi",
        ("fi", true) => "Uutta tietoa viestistäsi",
        ("en", false) => "We have received your message",
        ("en", true) => "An update on your message",
        (_, false) => "Vi har tagit emot ditt meddelande",
        _ => "Nytt besked om ditt meddelande",
    };

    public string Html(ReceiptFacts facts)
    {
        var org = organisation.Value;
        var paragraphs = facts.Language switch
        {
            "fi" => Finnish(facts, org),
            "en" => English(facts, org),
            _ => Swedish(facts, org),
        };
        var body = string.Concat(paragraphs.OfType<string>().Select(p => $"<p>{Encoder.Encode(p)}</p>\n"));
        return $"<div>\n{body}</div>\n{Signature(facts.Sender, facts.Language, org)}";
    }

    private static IEnumerable<string?> Swedish(ReceiptFacts f, OrganisationOptions org)
    {
        yield return "Hej!";
        if (f.IsUpdate)
            yield return $"Vi har ett nytt besked om ditt meddelande som kom in till {org.Name} {ReceiptWords.Date(f.ReceivedDate, "sv")}. " +
                         "Svaret dröjer, och vi vill att du vet när det kommer.";
        else yield return $"Tack för ditt meddelande. Det kom in till {org.Name} {ReceiptWords.Date(f.ReceivedDate, "sv")}. " +
                     "Ditt meddelande är en allmän handling. Det betyder att vem som helst kan be att få läsa det." +
                     // OSL (2009:400): a public record may hold secret information, which is not released.
                     (f.Sensitive ? " Uppgifter som omfattas av sekretess lämnas inte ut." : "");
        yield return $"Du får svar senast {ReceiptWords.Date(f.PromisedDate, "sv")}.";
        yield return f.PersonalLine;
        yield return Sentences($"Din kontaktperson är {Named(f.Contact, parenthesised: false)}",
            Labelled("Telefon", f.Contact.Phone), Labelled("E-post", f.Contact.Email));
        yield return $"Du kan också ringa Kontaktcenter på {org.ContactCentre.Phone}{Hours(", ", org.PhoneHours)}.";
    }

    private static IEnumerable<string?> Finnish(ReceiptFacts f, OrganisationOptions org)
    {
        var name = string.IsNullOrWhiteSpace(org.NameFinnish) ? org.Name : org.NameFinnish;
        var arrivedTo = ReceiptWords.FinnishIllative(name) ?? $"meille ({name})";
        yield return "Hei!";
        if (f.IsUpdate)
            yield return $"Meillä on uutta tietoa viestistäsi, joka saapui {arrivedTo} {ReceiptWords.Date(f.ReceivedDate, "fi")}. " +
                         "Vastaus viivästyy, ja haluamme kertoa, milloin saat sen.";
        else yield return $"Kiitos viestistäsi. Viestisi saapui {arrivedTo} {ReceiptWords.Date(f.ReceivedDate, "fi")}. " +
                     "Se on yleinen asiakirja, joten kuka tahansa voi pyytää saada lukea sen." +
                     (f.Sensitive ? " Salassa pidettäviä tietoja ei kuitenkaan luovuteta." : "");
        yield return $"Saat vastauksen viimeistään {ReceiptWords.Date(f.PromisedDate, "fi")}.";
        yield return f.PersonalLine;
        yield return Sentences($"Yhteyshenkilösi on {Named(f.Contact, parenthesised: true)}",
            Labelled("Puhelin", f.Contact.Phone), Labelled("Sähköposti", f.Contact.Email));
        yield return $"Voit myös soittaa asiakaspalveluumme (Kontaktcenter) numeroon {org.ContactCentre.Phone}" +
                     $"{Hours(" ", org.PhoneHoursFinnish)}.";
    }

    private static IEnumerable<string?> English(ReceiptFacts f, OrganisationOptions org)
    {
        var name = string.IsNullOrWhiteSpace(org.NameEnglish) ? org.Name : org.NameEnglish;
        yield return "Hello,";
        if (f.IsUpdate)
            yield return $"We have an update on your message, which reached {name} on {ReceiptWords.Date(f.ReceivedDate, "en")}. " +
                         "Your answer is taking longer, and we want you to know when it will come.";
        else yield return $"Thank you for your message. It reached {name} on {ReceiptWords.Date(f.ReceivedDate, "en")}. " +
                     "Your message is a public record, which means that anyone can ask to read it." +
                     (f.Sensitive ? " However, any information in it that is confidential by law will not be released." : "");
        yield return $"You will have an answer by {ReceiptWords.Date(f.PromisedDate, "en")} at the latest.";
        yield return f.PersonalLine;
        yield return Sentences($"Your contact person is {Named(f.Contact, parenthesised: true)}",
            Labelled("Phone", f.Contact.Phone), Labelled("Email", f.Contact.Email));
        yield return $"You can also call our contact centre (Kontaktcenter) on {org.ContactCentre.Phone}" +
                     $"{Hours(", ", org.PhoneHoursEnglish)}.";
    }

    /// <summary>
    /// "Per Holm, bygglovsarkitekt" in Swedish. In Finnish and English the title is the Swedish one the directory
    /// holds, so it stands in brackets as a name would: "Per Holm (bygglovsarkitekt)".
    /// </summary>
    private static string Named(ContactPerson contact, bool parenthesised)
    {
        if (string.IsNullOrWhiteSpace(contact.Title)) return contact.Name;
        var title = ReceiptWords.TitleInSentence(contact.Title.Trim());
        return parenthesised ? $"{contact.Name} ({title})" : $"{contact.Name}, {title}";
    }

    private static string? Labelled(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : $"{label}: {value.Trim()}";

    private static string Sentences(params string?[] sentences) => string.Join(" ", sentences.OfType<string>().Select(s => s + "."));

    private static string Hours(string separator, string hours) => string.IsNullOrWhiteSpace(hours) ? "" : separator + hours.Trim();

    /// <summary>
    /// The common signature (e-post guideline: "Använd kommunens gemensamma mejlsignatur"), which names a phone
    /// number: the switchboard's when the official has none of their own.
    /// </summary>
    private static string Signature(ContactPerson sender, string language, OrganisationOptions org)
    {
        var greeting = language switch { "fi" => "Ystävällisin terveisin", "en" => "Kind regards", _ => "Med vänlig hälsning" };
        var phone = language switch { "fi" => "Puhelin", "en" => "Phone", _ => "Telefon" };
        var switchboard = language switch { "fi" => "vaihde", "en" => "switchboard", _ => "växel" };
        var email = language switch { "fi" => "Sähköposti", "en" => "Email", _ => "E-post" };
        var lines = new List<string> { greeting, sender.Name };
        if (!string.IsNullOrWhiteSpace(sender.Title)) lines.Add(sender.Title);
        lines.Add(org.Name);
        lines.Add(string.IsNullOrWhiteSpace(sender.Phone) ? $"{phone}: {org.Switchboard} ({switchboard})" : $"{phone}: {sender.Phone}");
        lines.Add($"{email}: {sender.Email}");
        lines.Add(org.Website);
        return "<div id=\"Signature\"><p>" + string.Join("<br>", lines.Select(Encoder.Encode)) + "</p></div>";
    }
}
