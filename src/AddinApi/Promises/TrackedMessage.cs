namespace Kontaktlofte.AddinApi.Promises;

/// <summary>
/// What the product remembers of a citizen's message: ids, time, category and the promise's facts. Never its
/// body, subject or sender (design.md, Data); those stay in the mailbox.
/// </summary>
public sealed class TrackedMessage
{
    /// <summary>The mailbox's id of the message (Graph: the immutable id).</summary>
    public required string Id { get; set; }
    /// <summary>The mailbox owner's sign-in name.</summary>
    public required string Mailbox { get; set; }
    public string? InternetMessageId { get; set; }
    public string? ConversationId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public MessageCategory Category { get; set; }
    /// <summary>True when an official chose the category; the classifier then never changes it.</summary>
    public bool CategoryChosenByOfficial { get; set; }
    public required string Language { get; set; }
    public bool Sensitive { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
