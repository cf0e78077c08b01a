using System.Globalization;
using System.Net;
using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Registry.Lex;

/// <summary>
/// The metadata block Lex's automatic registration reads from the forward's comment: a start marker, one
/// <c>Label: value</c> line per field (every field, empty when it does not apply, so the shape never changes), an end
/// marker; in a <c>&lt;pre&gt;</c> so that the lines survive Exchange's HTML. The block stands above the quoted original:
/// Lex reads the first block (a citizen's mail below could hold a look-alike).
/// </summary>
public static class LexMailBlock
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The fields and their values, in order.</summary>
    public static IReadOnlyList<(string Field, string Value)> Fields(RegistryOrder order, int sequenceDigits)
    {
        var entry = order.Entry;
        var secret = order.Secret;
        return
        [
            (LexMailField.Series, order.Case?.Series ?? order.NewCase?.Series ?? ""),
            (LexMailField.Case, order.Case?.Format(sequenceDigits) ?? "NYTT"),
            (LexMailField.CaseTitle, order.Case is null ? order.NewCase?.Title ?? "" : ""),
            (LexMailField.CaseTitleKeptApart, order.Case is null ? order.NewCase?.TitleKeptApart ?? "" : ""),
            (LexMailField.Direction, Direction(order.Direction)),
            (LexMailField.DocumentType, order.DocumentType),
            (LexMailField.Title, entry.Title),
            (LexMailField.TitleKeptApart, entry.TitleKeptApart ?? ""),
            (LexMailField.ClassificationCode, order.ClassificationCode ?? ""),
            (LexMailField.Officer, order.Officer ?? ""),
            (LexMailField.Secrecy, secret ? "Ja" : "Nej"),
            (LexMailField.SecrecyGround, order.SecrecyGround ?? ""),
            (LexMailField.Party, Party(entry.Party)),
            (LexMailField.PartyKeptApart, Party(entry.PartyKeptApart)),
            (LexMailField.Date, TimeZoneInfo.ConvertTime(entry.Date, Stockholm).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            // RegistryEntry: a secret record's attachment names are kept apart with its title.
            (LexMailField.Attachments, secret ? "" : string.Join("; ", entry.Attachments)),
            (LexMailField.AttachmentsKeptApart, secret ? string.Join("; ", entry.Attachments) : ""),
            (LexMailField.RegisteredBy, order.By),
            (LexMailField.Reference, order.Id.ToString()),
        ];
    }

    /// <summary>The block as plain text, one line per field.</summary>
    public static string Text(RegistryOrder order, LexMailOptions options, int sequenceDigits) =>
        string.Join("\n", [options.StartMarker.Trim(), .. Fields(order, sequenceDigits).Select(f => Line(options.Label(f.Field), OneLine(f.Value))),
            options.EndMarker.Trim()]);

    /// <summary>The forward's comment: a line for whoever opens the mail in Lex's mailbox, then the block, HTML-encoded.</summary>
    public static string Html(RegistryOrder order, LexMailOptions options, int sequenceDigits) =>
        "<p>Registrera meddelandet nedan i Lex enligt uppgifterna (skickat från Kontaktlöfte)." +
        (order.Secret ? " Handlingen omfattas av sekretess: fälten märkta (sekretess) hålls utanför den offentliga registreringen." : "") +
        $"</p><pre>{WebUtility.HtmlEncode(Text(order, options, sequenceDigits))}</pre>";

    // "Label: value"; an empty value leaves "Label:" (no trailing space for a mail program to trim or keep).
    private static string Line(string label, string value) => value.Length == 0 ? label + ":" : $"{label}: {value}";

    private static string Direction(DocumentDirection direction) => direction switch
    {
        DocumentDirection.Incoming => "Inkommande",
        DocumentDirection.Outgoing => "Utgående",
        _ => "Intern",
    };

    private static string Party(MailAddress? party) => party switch
    {
        null => "",
        { Name: { Length: > 0 } name, Address: { Length: > 0 } address } => $"{name} <{address}>",
        _ => party.Address ?? party.Name ?? "",
    };

    // A value is one line: a title with a line break must not start a line of its own (a forged field or end marker).
    private static string OneLine(string value) =>
        string.Join(' ', new string(value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
