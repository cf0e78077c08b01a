using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>An acknowledgement to send: when the citizen will have an answer, and from whom.</summary>
/// <param name="ContactPerson">The contact person; null means the signed-in official.</param>
/// <param name="PromisedDate">The answer date, a working day not before today (yyyy-MM-dd); null means the due date.</param>
/// <param name="Language">sv, fi or en; null means the language the citizen wrote in.</param>
/// <param name="PersonalLine">An optional sentence of the official's own, at most 500 characters.</param>
public sealed record AcknowledgementRequest(ContactPerson? ContactPerson, DateOnly? PromisedDate, string? Language, string? PersonalLine);

/// <summary>An acknowledgement as recorded in the outbox.</summary>
/// <param name="AcknowledgementId">Its id.</param>
/// <param name="Status">queued (recorded, to be sent), sent, or failed (it could not be sent; see the list for why).</param>
/// <param name="PromisedDate">The promised answer date.</param>
/// <param name="ContactPerson">The contact person named.</param>
public sealed record AcknowledgementResult(Guid AcknowledgementId, OutboxStatus Status, DateOnly PromisedDate, ContactPerson ContactPerson);

/// <summary>Something the official should know before sending.</summary>
/// <param name="Code">Stable id, e.g. <c>document-request.later-than-due</c>.</param>
/// <param name="Message">What to consider, in Swedish.</param>
public sealed record ReceiptWarning(string Code, string Message);

/// <summary>The receipt as it would be sent.</summary>
/// <param name="To">The citizen's address.</param>
/// <param name="Subject">The subject line of the reply.</param>
/// <param name="BodyHtml">The receipt's HTML.</param>
/// <param name="Language">Its language.</param>
/// <param name="PromisedDate">The promised answer date.</param>
/// <param name="ContactPerson">The contact person named.</param>
/// <param name="Warnings">What the official should look at before sending (none when all is well).</param>
public sealed record ReceiptPreview(string To, string Subject, string BodyHtml, string Language, DateOnly PromisedDate,
    ContactPerson ContactPerson, IReadOnlyList<ReceiptWarning> Warnings);

public enum AcknowledgementKind { First, Update }

/// <summary>A receipt sent (or on its way) for a message, as the pane shows it after sending.</summary>
/// <param name="AcknowledgementId">Its id.</param>
/// <param name="Kind">first (the receipt) or update (a new answer date, "nytt besked").</param>
/// <param name="Status">queued, sent or failed.</param>
/// <param name="CreatedAt">When the official sent it.</param>
/// <param name="SentAt">When it left the mailbox; null until then.</param>
/// <param name="To">The citizen's address.</param>
/// <param name="Subject">Its subject line.</param>
/// <param name="BodyHtml">Its text as the mailbox holds it (read from Sent Items, never stored here); null when unreadable.</param>
/// <param name="PromisedDate">The answer date it promised.</param>
/// <param name="ContactPerson">The contact person it named.</param>
/// <param name="Error">Why it could not be sent, in Swedish; null unless failed or being retried.</param>
public sealed record SentAcknowledgement(Guid AcknowledgementId, AcknowledgementKind Kind, OutboxStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string To, string Subject, string? BodyHtml, DateOnly PromisedDate, ContactPerson ContactPerson, string? Error);
