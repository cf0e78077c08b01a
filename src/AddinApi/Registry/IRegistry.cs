using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;

namespace Kontaktlofte.AddinApi.Registry;

/// <summary>Whether the record came in, went out, or was drawn up and sent within the municipality.</summary>
public enum DocumentDirection { Incoming, Outgoing, Internal }

/// <summary>A new case: its series (an administration's code from <c>Registry:Series</c>) and its title.</summary>
/// <param name="Series">The series, e.g. KS.</param>
/// <param name="Title">The case title as the public register shows it (ärendemening).</param>
/// <param name="TitleKeptApart">A secret case's revealing part of the title, kept apart (OSL 5 kap. 2 §); null for a public case.</param>
public sealed record CaseToOpen(string Series, string Title, string? TitleKeptApart);

/// <summary>
/// A register entry's parts: what the public register shows, and what a secret record keeps apart (OSL 5 kap. 2 §: the
/// entry is public, but not the sender's or recipient's name nor the part of the title that would reveal what secrecy
/// protects). For a public record the kept-apart parts are null.
/// </summary>
/// <param name="Title">The document's public title.</param>
/// <param name="TitleKeptApart">The revealing part of a secret document's title.</param>
/// <param name="Party">Sender (incoming) or recipient (outgoing) as the public entry names them; null for a secret record.</param>
/// <param name="PartyKeptApart">A secret record's sender or recipient, kept apart.</param>
/// <param name="Date">The day the document came in (FL 22 §) or was sent.</param>
/// <param name="Attachments">The names of the attachments registered with the mail (a secret record's are kept apart with the title).</param>
public sealed record RegistryEntry(string Title, string? TitleKeptApart, MailAddress? Party, MailAddress? PartyKeptApart, DateTimeOffset Date,
    IReadOnlyList<string> Attachments);

/// <summary>
/// One mail to register, as the registrar described it. <paramref name="Id"/> is the product's registration id: every
/// adapter passes it on so that the registry registers an order once however often it is sent (the outbox retries).
/// </summary>
/// <param name="Id">The product's registration id (the idempotency key).</param>
/// <param name="InternetMessageId">The mail's Internet message id: the same in every mailbox holding a copy.</param>
/// <param name="Direction">Incoming, outgoing or internal.</param>
/// <param name="Case">An existing case, or null to open <paramref name="NewCase"/>.</param>
/// <param name="NewCase">The case to open when <paramref name="Case"/> is null.</param>
/// <param name="DocumentType">The document type (handlingstyp), e.g. Skrivelse.</param>
/// <param name="ClassificationCode">The code in the municipality's classification scheme (Klassa), e.g. 2.3.1.</param>
/// <param name="Officer">The official handling the case (handläggare), by address.</param>
/// <param name="SecrecyGround">The OSL provision for a secret record (e.g. OSL 26 kap. 1 §); null for a public one.</param>
/// <param name="Entry">The register entry's parts, public and kept apart.</param>
/// <param name="Source">Who reaches the mailbox the original is in (Lex by mail forwards it from there).</param>
/// <param name="MessageId">The original's id in that mailbox.</param>
/// <param name="By">The registrar.</param>
public sealed record RegistryOrder(Guid Id, string InternetMessageId, DocumentDirection Direction, CaseNumber? Case, CaseToOpen? NewCase,
    string DocumentType, string? ClassificationCode, string? Officer, string? SecrecyGround, RegistryEntry Entry, MailboxOwner Source,
    string MessageId, string By)
{
    public bool Secret => SecrecyGround is not null;
}

/// <summary>How the registry took an order.</summary>
public enum RegistryOutcome
{
    /// <summary>Registered: the case and document numbers are known.</summary>
    Registered,

    /// <summary>Handed to Lex's automatic registration (by mail): Lex gives the numbers; the case's is known only for an existing case.</summary>
    HandedOver,
}

/// <summary>What the registry answered: the numbers once registered.</summary>
public sealed record RegistryAnswer(RegistryOutcome Outcome, CaseNumber? Case, int? DocumentNumber, DateTimeOffset At);

/// <summary>
/// The registry port (design.md, Ports and adapters): the embedded registry in the database, Lex's automatic
/// registration by mail, or a Lex REST endpoint. Chosen by <c>Registry:Adapter</c> (<c>Embedded</c> | <c>LexMail</c> |
/// <c>LexHttp</c>). The product's own record of each registration is the Registration feature's; the port only registers.
/// </summary>
public interface IRegistry
{
    /// <summary>The adapter's name as configured: <c>Embedded</c>, <c>LexMail</c> or <c>LexHttp</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Registers the order, once: the same <see cref="RegistryOrder.Id"/> or <see cref="RegistryOrder.InternetMessageId"/>
    /// again answers as the first time. Throws <see cref="RegistryUnavailableException"/> when the registry cannot be
    /// reached now (the outbox tries again), <see cref="RegistryRefusedException"/> when it never will take the order.
    /// </summary>
    Task<RegistryAnswer> RegisterAsync(RegistryOrder order, IRegistryMemo memo, CancellationToken cancel);

    /// <summary>Whether the case exists: true or false when the registry can tell, null when it cannot (Lex by mail).</summary>
    Task<bool?> CaseExistsAsync(CaseNumber number, CancellationToken cancel);
}

/// <summary>
/// What an adapter remembers between tries of one order, kept with the product's registration (Lex by mail: the
/// forward's draft id, so that a retry sends the same draft and Lex never gets the mail twice).
/// </summary>
public interface IRegistryMemo
{
    string? Value { get; }

    /// <summary>Saves <paramref name="value"/> durably before the adapter's next step.</summary>
    Task SaveAsync(string value, CancellationToken cancel);
}

/// <summary>The registry cannot be reached now (Lex down, a 5xx, a 429): the order stays queued, "väntar på Lex".</summary>
public sealed class RegistryUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The registry refuses the order for good (an unknown case, a 4xx): the registrar must act; the message says why, in Swedish.</summary>
public sealed class RegistryRefusedException(string message, Exception? inner = null) : Exception(message, inner);
