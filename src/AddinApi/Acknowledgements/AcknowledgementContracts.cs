using Kontaktlofte.AddinApi.Auth;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>The named contact person the promise gives the citizen (the proposal behind KS/2016:805).</summary>
/// <param name="Name">Full name.</param>
/// <param name="Title">Job title.</param>
/// <param name="Phone">Phone number the citizen can call.</param>
/// <param name="Email">E-mail address.</param>
public sealed record ContactPerson(string Name, string? Title, string? Phone, string Email)
{
    public static ContactPerson Of(Acknowledgement ack) => new(ack.ContactName, ack.ContactTitle, ack.ContactPhone, ack.ContactEmail);

    public static ContactPerson Of(CurrentOfficial official) => new(official.Name, official.Title, official.Phone, official.Email);
}

/// <summary>An acknowledgement to send: when the citizen will have an answer, and from whom.</summary>
/// <param name="ContactPerson">The contact person; null means the signed-in official.</param>
/// <param name="PromisedDate">The answer date, a working day not before today (yyyy-MM-dd); null means the due date.</param>
/// <param name="Language">sv, fi or en; null means the language the citizen wrote in.</param>
/// <param name="PersonalLine">An optional sentence of the official's own, at most 500 characters.</param>
public sealed record AcknowledgementRequest(ContactPerson? ContactPerson, DateOnly? PromisedDate, string? Language, string? PersonalLine);

/// <summary>An acknowledgement as recorded in the outbox.</summary>
/// <param name="AcknowledgementId">Its id.</param>
/// <param name="Status">queued (recorded, to be sent) or sent.</param>
/// <param name="PromisedDate">The promised answer date.</param>
/// <param name="ContactPerson">The contact person named.</param>
public sealed record AcknowledgementResult(Guid AcknowledgementId, AcknowledgementStatus Status, DateOnly PromisedDate, ContactPerson ContactPerson);

/// <summary>The receipt as it would be sent.</summary>
/// <param name="To">The citizen's address.</param>
/// <param name="Subject">The subject line of the reply.</param>
/// <param name="BodyHtml">The receipt's HTML.</param>
/// <param name="Language">Its language.</param>
/// <param name="PromisedDate">The promised answer date.</param>
/// <param name="ContactPerson">The contact person named.</param>
public sealed record ReceiptPreview(string To, string Subject, string BodyHtml, string Language, DateOnly PromisedDate, ContactPerson ContactPerson);
