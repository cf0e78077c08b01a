using System.Globalization;
using Kontaktlofte.AddinApi.Data;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>
/// A receipt's lines in the audit log, under the acknowledgement's own id: recorded (queued), then what the outbox finally
/// did. Dates, the contact person's address and the language only: never the citizen, the subject or the receipt's text.
/// </summary>
internal static class AcknowledgementAudit
{
    public const string Queued = "acknowledgement.queued";
    public const string NewDateQueued = "acknowledgement.new-date-queued";
    public const string Sent = "acknowledgement.sent";
    public const string Failed = "acknowledgement.failed";

    public static string Details(Acknowledgement ack) => string.Create(CultureInfo.InvariantCulture,
        $"message={AuditLog.MessageKey(ack.MessageId)}; kind={(ack.IsUpdate ? "new-date" : "receipt")}; promised={ack.PromisedDate:yyyy-MM-dd}; contact={ack.ContactEmail}; language={ack.Language}");
}
