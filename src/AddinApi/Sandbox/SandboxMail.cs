namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// A message in the sandbox mailbox. This table stands in for Exchange in sandbox mode only, and so it holds
/// what a mailbox holds, bodies included; the product's own tables never do (design.md, Data).
/// </summary>
public sealed class SandboxMail
{
    public required string Id { get; set; }
    /// <summary>Whose mailbox it is in: a sandbox user's own, or a function mailbox (bygglov@, kontaktcenter@).</summary>
    public string Mailbox { get; set; } = SandboxUsers.All[0].Email;
    /// <summary>
    /// Its place in the mailbox's change log, as a delta query would see it: set on arrival and again on every change
    /// (categories), so that "what changed since N" is one query.
    /// </summary>
    public long Version { get; set; }
    public required string FromName { get; set; }
    public required string FromAddress { get; set; }
    public required string Subject { get; set; }
    public string? BodyText { get; set; }
    public string? BodyHtml { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string HeadersJson { get; set; } = "{}";
    public required string ConversationId { get; set; }
    public required string InternetMessageId { get; set; }
    public string Categories { get; set; } = "";
    public string? Mark { get; set; }
}

/// <summary>A draft or sent message in the sandbox mailbox (receipts and replies).</summary>
public sealed class SandboxSentMail
{
    public required string Id { get; set; }
    public required string InReplyTo { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string BodyHtml { get; set; }
    /// <summary>The mailbox it was written in when the application wrote it (a receipt from a function mailbox, a digest); null: the official's.</summary>
    public string? Mailbox { get; set; }
    /// <summary>Internet headers the product set on it (RFC 3834's Auto-Submitted), as JSON.</summary>
    public string HeadersJson { get; set; } = "{}";
    public bool IsDraft { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
