using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Registry;

namespace Kontaktlofte.AddinApi.Registration;

/// <summary>The registrar's form, as sent (design.md, Registration (v2)); every field is checked by <see cref="RegistrationRules"/>.</summary>
/// <param name="Direction"><c>incoming</c>, <c>outgoing</c> or <c>internal</c>.</param>
/// <param name="CaseNumber">An existing case, e.g. <c>KS/2026:17</c>; null opens a new case in <paramref name="Series"/>.</param>
/// <param name="Series">The new case's series (KS, SBF …, <c>Registry:Series</c>).</param>
/// <param name="CaseTitle">The new case's title as the public register shows it.</param>
/// <param name="CaseTitleKeptApart">A secret case's revealing part of the title, kept apart (OSL 5 kap. 2 §).</param>
/// <param name="DocumentType">The document type (handlingstyp), e.g. Skrivelse, Ansökan.</param>
/// <param name="ClassificationCode">The code in the classification scheme (Klassa), e.g. 2.3.1.</param>
/// <param name="Secret">Whether the record is secret (its entry keeps the party and the revealing title apart).</param>
/// <param name="SecrecyGround">The OSL provision, e.g. <c>OSL 26 kap. 1 §</c>; required when secret.</param>
/// <param name="Officer">The official handling the case (handläggare), by address.</param>
/// <param name="DocumentTitle">The document's public title; default the mail's subject (a secret record's: its document type).</param>
/// <param name="TitleKeptApart">A secret document's revealing part of the title; default the mail's subject.</param>
/// <param name="RequestId">The request in "Att registrera" this registration answers: the mail is then read in the requester's mailbox.</param>
public sealed record RegistrationInput(string? Direction, string? CaseNumber, string? Series, string? CaseTitle, string? CaseTitleKeptApart,
    string? DocumentType, string? ClassificationCode, bool? Secret, string? SecrecyGround, string? Officer, string? DocumentTitle,
    string? TitleKeptApart, Guid? RequestId);

/// <summary>The form's choices once checked: trimmed, parsed, every rule met.</summary>
internal sealed record RegistrationChoice(DocumentDirection Direction, CaseNumber? Case, string? Series, string? CaseTitle, string? CaseTitleKeptApart,
    string DocumentType, string? ClassificationCode, string? SecrecyGround, string? Officer, string? DocumentTitle, string? TitleKeptApart);

/// <summary>A rule the form breaks: the field and, in Swedish, what is wrong (a 400's text).</summary>
internal sealed record RegistrationProblem(string Field, string Message);

/// <summary>
/// The rules of a register entry. A secret record is registered too, but its public entry must not reveal what secrecy
/// protects: the sender or recipient and the revealing part of the title are kept apart (OSL 5 kap. 1–2 §§; the e-mail
/// guideline). A personal identity number belongs in no title at all (the product never stores one).
/// </summary>
internal static partial class RegistrationRules
{
    public const int MaxDocumentType = 100;
    public const int MaxGround = 100;
    public const string Untitled = "(utan ämnesrad)";

    public static string Swedish(DocumentDirection direction) => direction switch
    {
        DocumentDirection.Incoming => "Inkommande",
        DocumentDirection.Outgoing => "Utgående",
        _ => "Upprättad",
    };

    public static string Name(DocumentDirection direction) => direction.ToString().ToLowerInvariant();

    public static RegistrationProblem? Check(RegistrationInput? input, RegistryOptions options, Func<string, bool> isInternal, DateOnly today,
        out RegistrationChoice? choice)
    {
        choice = null;
        if (input is null || Direction(input.Direction) is not { } direction)
            return new("direction", "Ange direction: incoming (inkommande), outgoing (utgående) eller internal (upprättad).");

        CaseNumber? number = null;
        string? series = null;
        var caseTitle = Clean(input.CaseTitle);
        if (Clean(input.CaseNumber) is { } written)
        {
            if (!CaseNumber.TryParse(written, out number, out var error)) return new("caseNumber", error);
            if (options.Find(number.Value.Series) is null) return UnknownSeries("caseNumber", number.Value.Series, options);
        }
        else
        {
            series = Clean(input.Series);
            if (series is null) return new("series", "Ange series (diarieserie) för ett nytt ärende, eller caseNumber för ett befintligt.");
            if (options.Find(series) is null) return UnknownSeries("series", series, options);
            if (caseTitle is null) return new("caseTitle", "Ange caseTitle: ärendemeningen för det nya ärendet.");
        }

        var documentType = Clean(input.DocumentType);
        if (documentType is null) return new("documentType", "Ange documentType: handlingstypen, till exempel Skrivelse eller Ansökan.");
        if (documentType.Length > MaxDocumentType) return new("documentType", $"Handlingstypen får vara högst {MaxDocumentType} tecken.");

        var code = Clean(input.ClassificationCode);
        if (code is not null && !ClassificationShape().IsMatch(code))
            return new("classificationCode", "Klassificeringskoden ska skrivas med siffror och punkter, till exempel 2.3.1.");

        var secret = input.Secret ?? false;
        var ground = Clean(input.SecrecyGround);
        if (secret && ground is null)
            return new("secrecyGround", "En sekretessmarkerad handling ska ha en sekretessgrund, till exempel OSL 26 kap. 1 §.");
        if (secret && !GroundShape().IsMatch(ground!)) // at most 80 characters by its shape
            return new("secrecyGround", "Sekretessgrunden ska anges med kapitel och paragraf i offentlighets- och sekretesslagen, till exempel OSL 26 kap. 1 §.");
        if (!secret && ground is not null)
            return new("secrecyGround", "Sekretessgrund anges bara för en sekretessmarkerad handling (secret: true).");

        var caseKeptApart = Clean(input.CaseTitleKeptApart);
        var titleKeptApart = Clean(input.TitleKeptApart);
        if (!secret && (caseKeptApart is not null || titleKeptApart is not null))
            return new(caseKeptApart is not null ? "caseTitleKeptApart" : "titleKeptApart",
                "Uppgifter hålls isär bara för en sekretessmarkerad handling (secret: true).");
        if (number is not null && caseKeptApart is not null)
            return new("caseTitleKeptApart", "Ärendemeningen för ett befintligt ärende ändras i diariet, inte här.");

        var title = Clean(input.DocumentTitle);
        foreach (var (field, text) in new[] { ("caseTitle", caseTitle), ("caseTitleKeptApart", caseKeptApart), ("documentTitle", title), ("titleKeptApart", titleKeptApart) })
        {
            if (text is null) continue;
            if (text.Length > MailRegistration.MaxTitle) return new(field, $"Texten får vara högst {MailRegistration.MaxTitle} tecken.");
            if (PersonalIdentityNumber.Find(text, today).Any())
                return new(field, "Skriv inte personnummer i diariets texter. Beskriv handlingen utan numret.");
        }

        var officer = Clean(input.Officer)?.ToLowerInvariant();
        if (officer is not null && (officer.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(officer, out var parsed) || parsed.Address != officer
                                    || !isInternal(officer)))
            return new("officer", "Handläggaren anges med sin e-postadress i kommunen.");

        choice = new RegistrationChoice(direction, number, series, number is null ? caseTitle : null, caseKeptApart, documentType, code,
            secret ? ground : null, officer, title, titleKeptApart);
        return null;
    }

    /// <summary>
    /// The entry's parts for <paramref name="choice"/> and the mail. Public record: the subject (or the registrar's title)
    /// and the party, as the public register shows them. Secret record: the public title is the registrar's or the
    /// document type alone; the subject, the party and the attachments' names are kept apart (OSL 5 kap. 2 §).
    /// </summary>
    public static RegistrationProblem? Entry(RegistrationChoice choice, string subject, MailAddress from, IReadOnlyList<MailAddress> to,
        DateTimeOffset date, IReadOnlyList<string> attachments, DateOnly today, out RegistryEntry? entry)
    {
        entry = null;
        var mailTitle = Clean(subject) is { } s ? Shorten(s) : Untitled;
        var party = choice.Direction == DocumentDirection.Outgoing ? (to.Count > 0 ? to[0] : null) : from;
        if (party?.Address is null) party = null;
        if (choice.SecrecyGround is null)
        {
            var title = choice.DocumentTitle ?? mailTitle;
            if (choice.DocumentTitle is null && PersonalIdentityNumber.Find(title, today).Any())
                return new("documentTitle", "Mejlets ämnesrad innehåller ett personnummer. Ange en rubrik utan numret (documentTitle).");
            entry = new RegistryEntry(title, null, party, null, date, attachments);
            return null;
        }
        var keptApart = choice.TitleKeptApart ?? (mailTitle == Untitled ? null : mailTitle);
        // A subject kept apart is still stored: never with a personal identity number in it.
        if (keptApart is not null && PersonalIdentityNumber.Find(keptApart, today).Any())
            return new("titleKeptApart", "Mejlets ämnesrad innehåller ett personnummer. Ange den del av rubriken som hålls isär utan numret (titleKeptApart).");
        entry = new RegistryEntry(choice.DocumentTitle ?? choice.DocumentType, keptApart, null, party, date, attachments);
        return null;
    }

    private static DocumentDirection? Direction(string? text) => Clean(text)?.ToLowerInvariant() switch
    {
        "incoming" => DocumentDirection.Incoming,
        "outgoing" => DocumentDirection.Outgoing,
        "internal" => DocumentDirection.Internal,
        _ => null,
    };

    private static RegistrationProblem UnknownSeries(string field, string series, RegistryOptions options) =>
        new(field, $"Diarieserien {Shorten(series, 20)} finns inte. Välj en av {string.Join(", ", options.Series.Select(s => s.Code))}.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text, int most = MailRegistration.MaxTitle) => text.Length <= most ? text : text[..(most - 1)] + "…";

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){0,5}$")]
    private static partial Regex ClassificationShape();

    // OSL 26 kap. 1 §, OSL 21 kap. 3 a §, OSL 25 kap. 1 § första stycket …
    [GeneratedRegex(@"^OSL \d{1,2} kap\. \d{1,3}( ?[a-z])? §( .{1,60})?$")]
    private static partial Regex GroundShape();
}
