namespace Kontaktlofte.AddinApi.Acknowledgements;

public enum AcknowledgementStatus { Queued, Sent }

/// <summary>
/// An acknowledgement (mottagningsbevis) in the outbox: recorded first, then sent, retried until sent. The
/// receipt's text is rendered from these facts when it is sent; the official's personal line is kept only
/// until then.
/// </summary>
public sealed class Acknowledgement
{
    public Guid Id { get; set; }
    public required string MessageId { get; set; }
    /// <summary>The client's Idempotency-Key, unique per official.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the request, to tell a repeat from another request under the same key.</summary>
    public required string RequestHash { get; set; }
    public AcknowledgementStatus Status { get; set; }
    /// <summary>The official who sent it (sign-in name), and their signature's name, title and phone.</summary>
    public required string CreatedBy { get; set; }
    public required string SenderName { get; set; }
    public string SenderTitle { get; set; } = "";
    public string SenderPhone { get; set; } = "";
    public required string Mailbox { get; set; }
    /// <summary>Key of the long-running on-behalf-of session that lets the outbox reach Graph later.</summary>
    public string? SessionKey { get; set; }
    public required string ContactName { get; set; }
    public string ContactTitle { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public required string ContactEmail { get; set; }
    public DateOnly PromisedDate { get; set; }
    public required string Language { get; set; }
    public string? PersonalLine { get; set; }
    /// <summary>The reply draft's immutable id once created, so that a retry never creates a second one.</summary>
    public string? DraftId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>While set and in the future, one worker is sending this receipt.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Why the last attempt failed (a status or exception type, never a body).</summary>
    public string? LastError { get; set; }
}
