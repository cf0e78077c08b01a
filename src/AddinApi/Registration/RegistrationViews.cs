using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Registry;

namespace Kontaktlofte.AddinApi.Registration;

/// <summary>
/// A register entry as the public register shows it (OSL 5 kap. 2 §): for a secret record, without the sender or
/// recipient, without the revealing part of the title and without the attachments' names.
/// </summary>
/// <param name="CaseNumber">The case (null until Lex gives a new case its number).</param>
/// <param name="CaseTitle">The case's public title, when the product knows it.</param>
/// <param name="DocumentNumber">The document's number in the case (null until known).</param>
/// <param name="RegisteredAt">When it was registered (null until then).</param>
/// <param name="Direction"><c>incoming</c>, <c>outgoing</c> or <c>internal</c>.</param>
/// <param name="DocumentType">The document type.</param>
/// <param name="ClassificationCode">The classification code (Klassa).</param>
/// <param name="Title">The document's public title.</param>
/// <param name="Party">The sender or recipient; null for a secret record.</param>
/// <param name="Date">The day it came in or was sent.</param>
/// <param name="Attachments">The attachments' names; empty for a secret record.</param>
/// <param name="Secret">Whether the record is secret.</param>
/// <param name="SecrecyGround">The OSL provision (public: the entry says on what ground parts are kept apart).</param>
/// <param name="Officer">The official handling the case.</param>
public sealed record PublicEntry(string? CaseNumber, string? CaseTitle, int? DocumentNumber, DateTimeOffset? RegisteredAt, string Direction,
    string DocumentType, string? ClassificationCode, string Title, MailAddress? Party, DateOnly Date, IReadOnlyList<string> Attachments,
    bool Secret, string? SecrecyGround, string? Officer);

/// <summary>What a secret record keeps apart: shown to registrars only, one entry at a time, never in a list.</summary>
public sealed record KeptApartParts(string? CaseTitle, string? Title, MailAddress? Party, IReadOnlyList<string> Attachments);

/// <summary>A registration: its state, its numbers, its public entry and, for a registrar looking at this one entry, what is kept apart.</summary>
/// <remarks>State: <c>queued</c> (väntar på Lex), <c>registered</c>, <c>handed-to-lex</c> or <c>refused</c>; StateText in Swedish; Problem: why it waits or was refused.</remarks>
public sealed record RegistrationView(Guid Id, string MessageId, string State, string StateText, string? CaseNumber, int? DocumentNumber,
    DateTimeOffset? RegisteredAt, string Direction, PublicEntry PublicEntry, KeptApartParts? KeptApart, string? Problem);

/// <summary>A list of registrations (public entries only, whoever asks).</summary>
public sealed record RegistrationList(IReadOnlyList<RegistrationView> Items);

/// <summary>A case as the product knows it: its public title and every document registered through the product.</summary>
public sealed record CaseView(string CaseNumber, string? Title, string? TitleKeptApart, IReadOnlyList<RegistrationView> Documents);

/// <summary>A case to suggest for a mail: another mail of the same conversation, or from the same sender, is registered in it.</summary>
/// <remarks>Why: <c>conversation</c> or <c>sender</c>.</remarks>
public sealed record CaseSuggestion(string CaseNumber, string? CaseTitle, string Why);

/// <summary>A number series: its code in the case number and the administration's name.</summary>
public sealed record SeriesView(string Code, string Name);

/// <summary>The configured series.</summary>
public sealed record SeriesList(IReadOnlyList<SeriesView> Series);

/// <summary>The cases a conversation's mail is registered in (public titles).</summary>
public sealed record ConversationCases(IReadOnlyList<CaseSuggestion> Cases);

/// <summary>What the form starts from (registrars only): the direction from the folder, the title from the subject, the sender, the day.</summary>
public sealed record RegistrationPrefill(string Direction, string Title, MailAddress From, DateOnly Date, bool Sensitive, IReadOnlyList<string> Attachments);

/// <summary>A mail's registration as the pane asks for it: the entry once there, the request, and for a registrar the suggestions.</summary>
public sealed record MessageRegistration(RegistrationView? Registration, RequestView? Request, IReadOnlyList<CaseSuggestion> Suggestions,
    RegistrationPrefill? Prefill);

/// <summary>An official's request in "Att registrera".</summary>
/// <remarks>State: <c>pending</c>, <c>registered</c> or <c>not-registered</c>. Subject and From while the request waits only, never for a
/// sensitive mail. Reason: <c>ringa-betydelse</c> or <c>hålls-ordnad</c> when not registered, ReasonText in Swedish.</remarks>
public sealed record RequestView(Guid Id, string MessageId, string Mailbox, MailAddress RequestedBy, DateTimeOffset RequestedAt, string? Note,
    string? CaseNumber, string? Subject, MailAddress? From, DateTimeOffset ReceivedAt, bool Sensitive, string? WebLink, string State, string StateText,
    string? Reason, string? ReasonText, string? DecisionNote, PublicEntry? Registration);

/// <summary>The queue "Att registrera".</summary>
public sealed record RequestList(IReadOnlyList<RequestView> Items);

/// <summary>How records are shown: one place decides what a reader may see (OSL 5 kap. 2 §).</summary>
internal static class RegistrationShow
{
    public static string State(RegistrationState state) => state switch
    {
        RegistrationState.Queued => "queued",
        RegistrationState.Registered => "registered",
        RegistrationState.HandedToLex => "handed-to-lex",
        _ => "refused",
    };

    public static RegistrationState? ParseState(string? text) => text switch
    {
        "queued" => RegistrationState.Queued,
        "registered" => RegistrationState.Registered,
        "handed-to-lex" => RegistrationState.HandedToLex,
        "refused" => RegistrationState.Refused,
        _ => null,
    };

    public static string StateText(MailRegistration r) => r.State switch
    {
        RegistrationState.Queued => r.Registry == EmbeddedName ? "Registreras" : "Väntar på Lex",
        RegistrationState.Registered => "Registrerad",
        RegistrationState.HandedToLex => "Överlämnad till Lex",
        _ => "Avvisad av diariet",
    };

    private const string EmbeddedName = "Embedded";

    public static PublicEntry Public(MailRegistration r) => new(r.CaseNumber, r.CaseTitle.Length == 0 ? null : r.CaseTitle, r.DocumentNumber, r.RegisteredAt,
        RegistrationRules.Name(r.Direction), r.DocumentType, r.ClassificationCode, r.Title, r.Secret ? null : r.Party,
        Promises.Stockholm.DayOf(r.DocumentDate), r.Secret ? [] : r.Attachments, r.Secret, r.SecrecyGround,
        r.Officer);

    /// <summary>
    /// One registration. <paramref name="keptApart"/> only for a registrar looking at this one entry: lists, the case view
    /// for officials, digests and logs never carry it.
    /// </summary>
    public static RegistrationView View(MailRegistration r, bool keptApart) => new(r.Id, r.MessageId, State(r.State), StateText(r), r.CaseNumber,
        r.DocumentNumber, r.RegisteredAt, RegistrationRules.Name(r.Direction), Public(r),
        keptApart && r.Secret ? new KeptApartParts(r.CaseTitleKeptApart, r.TitleKeptApart, r.PartyKeptApart, r.Attachments) : null,
        r.State is RegistrationState.Queued or RegistrationState.Refused ? r.Problem : null);

    public static string RequestStateName(RequestState state) => state switch
    {
        RequestState.Pending => "pending",
        RequestState.Registered => "registered",
        _ => "not-registered",
    };

    public static string RequestStateText(RequestState state) => state switch
    {
        RequestState.Pending => "Väntar på registrator",
        RequestState.Registered => "Registrerad",
        _ => "Behöver inte registreras",
    };

    public static string Reason(NotRegisteredReason reason) => reason == NotRegisteredReason.LittleImportance ? "ringa-betydelse" : "hålls-ordnad";

    public static string ReasonText(NotRegisteredReason reason) => reason == NotRegisteredReason.LittleImportance
        ? "Av ringa betydelse för verksamheten (OSL 5 kap. 1 §)"
        : "Hålls ordnad så att det lätt kan fastställas om den kommit in (OSL 5 kap. 1 §)";

    public static RequestView Request(RegistrationRequest q, MailRegistration? registration) => new(q.Id, q.MessageId, q.Mailbox,
        new MailAddress(q.RequestedByName, q.RequestedBy), q.RequestedAt, q.Note, q.CaseNumber, q.Subject,
        q.FromAddress is null ? null : new MailAddress(q.FromName, q.FromAddress), q.ReceivedAt, q.Sensitive, q.WebLink, RequestStateName(q.State),
        RequestStateText(q.State), q.Reason is { } reason ? Reason(reason) : null, q.Reason is { } why ? ReasonText(why) : null, q.DecisionNote, registration is null ? null : Public(registration));

}
