using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Kontaktlofte.AddinApi.Registry.Lex;

// The Lex REST contract: this product defines it, Lex's integration layer implements it (README, Swagger document "lex").

/// <summary>A registration to make in Lex: one mail, as the registrar described it. Sent with the header Idempotency-Key.</summary>
/// <param name="CaseNumber">An existing case's number, e.g. KS/2026:00017; null to open <paramref name="NewCase"/>.</param>
/// <param name="NewCase">The case to open when <paramref name="CaseNumber"/> is null; null otherwise.</param>
/// <param name="Direction">incoming, outgoing or internal.</param>
/// <param name="DocumentType">The document type (handlingstyp), e.g. Skrivelse.</param>
/// <param name="ClassificationCode">The code in the municipality's classification scheme (Klassa), e.g. 2.3.1.</param>
/// <param name="Officer">The official handling the case (handläggare), by e-mail address.</param>
/// <param name="SecrecyGround">The OSL provision for a secret record, e.g. OSL 26 kap. 1 §; null for a public record.</param>
/// <param name="Entry">The register entry: what the public register shows, and what a secret record keeps apart.</param>
/// <param name="InternetMessageId">The mail's Internet message id: Lex registers one mail once, whatever the key.</param>
/// <param name="RegisteredBy">The registrar, by e-mail address.</param>
public sealed record LexRegistrationRequest(string? CaseNumber, LexNewCase? NewCase, [property: JsonRequired] DocumentDirection Direction,
    [property: JsonRequired] string DocumentType, string? ClassificationCode, string? Officer, string? SecrecyGround, [property: JsonRequired] LexEntry Entry,
    [property: JsonRequired] string InternetMessageId, [property: JsonRequired] string RegisteredBy)
{
    public static LexRegistrationRequest Of(RegistryOrder order, int sequenceDigits) => new(
        order.Case?.Format(sequenceDigits),
        order.Case is null && order.NewCase is { } open ? new LexNewCase(open.Series, open.Title, open.TitleKeptApart) : null,
        order.Direction, order.DocumentType, order.ClassificationCode, order.Officer, order.SecrecyGround,
        new LexEntry(order.Entry.Title, order.Entry.TitleKeptApart, LexParty.Of(order.Entry.Party), LexParty.Of(order.Entry.PartyKeptApart),
            order.Entry.Date, order.Entry.Attachments),
        order.InternetMessageId, order.By);
}

/// <summary>A case to open in Lex.</summary>
/// <param name="Series">The series (an administration's code), e.g. KS.</param>
/// <param name="Title">The case title as the public register shows it (ärendemening).</param>
/// <param name="TitleKeptApart">A secret case's revealing part of the title, kept apart (OSL 5 kap. 2 §); null for a public case.</param>
public sealed record LexNewCase([property: JsonRequired] string Series, [property: JsonRequired] string Title, string? TitleKeptApart);

/// <summary>The register entry's parts: public, and kept apart for a secret record (OSL 5 kap. 2 §).</summary>
/// <param name="Title">The document's public title.</param>
/// <param name="TitleKeptApart">The revealing part of a secret document's title; null for a public record.</param>
/// <param name="Party">Sender (incoming) or recipient (outgoing) as the public entry names them; null for a secret record.</param>
/// <param name="PartyKeptApart">A secret record's sender or recipient, kept apart; null for a public record.</param>
/// <param name="Date">When the document came in (FL 22 §) or was sent.</param>
/// <param name="Attachments">The names of the attachments registered with the mail (a secret record's are kept apart with the title).</param>
public sealed record LexEntry([property: JsonRequired] string Title, string? TitleKeptApart, LexParty? Party, LexParty? PartyKeptApart,
    [property: JsonRequired] DateTimeOffset Date, [property: JsonRequired] IReadOnlyList<string> Attachments);

/// <summary>A sender or recipient.</summary>
/// <param name="Name">The display name, e.g. Anna Berg.</param>
/// <param name="Address">The e-mail address.</param>
public sealed record LexParty(string? Name, string? Address)
{
    public static LexParty? Of(Mail.MailAddress? address) => address is null ? null : new LexParty(address.Name, address.Address);
}

/// <summary>What Lex registered: 201 the first time, 200 with the same numbers for the same Idempotency-Key or mail again.</summary>
/// <param name="CaseNumber">The case's number, e.g. KS/2026:17 (leading zeros allowed).</param>
/// <param name="DocumentNumber">The document's number within the case, from 1.</param>
/// <param name="RegisteredAt">When Lex registered it.</param>
public sealed record LexRegistrationAnswer([property: JsonRequired] string CaseNumber, [property: JsonRequired] int DocumentNumber,
    [property: JsonRequired] DateTimeOffset RegisteredAt);

/// <summary>A case Lex holds.</summary>
/// <param name="CaseNumber">The case's number, e.g. KS/2026:17.</param>
public sealed record LexCase([property: JsonRequired] string CaseNumber);

/// <summary>The contract's JSON: camelCase, enums in kebab case (as the product's own API), Swedish letters as themselves.</summary>
public static class LexJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
