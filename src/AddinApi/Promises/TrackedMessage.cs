using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>How a message was answered.</summary>
public enum AnswerKind { Mail, CalledBack, AnsweredElsewhere }

/// <summary>
/// What the product remembers of a citizen's message: ids, time, category and its promise — the due date, and once
/// a receipt has gone out, the promised date and the contact person. Never its body; its sender and subject only
/// while the promise is open and a while after (<see cref="AnsweredDetails"/>), and never for a sensitive mail
/// (design.md, Data). The mailbox keeps the rest.
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
    /// <summary>How it was answered: by mail (found in Sent Items), or as the official says (a phone call leaves no mail).</summary>
    public AnswerKind? AnsweredHow { get; set; }
    /// <summary>The official's short note on an answer that left no mail; never a personal identity number.</summary>
    public string? AnswerNote { get; set; }

    /// <summary>The answer date the citizen was promised in the last receipt sent; null until one was.</summary>
    public DateOnly? PromisedDate { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? ContactName { get; set; }
    public string? ContactTitle { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>The ids of the product's own receipts in the mailbox: they are not the answer.</summary>
    public List<string> ReceiptIds { get; set; } = [];

    public const int MaxAnswerNote = 200;

    /// <summary>
    /// Who wrote it and the subject, for the worklist — only for a citizen's mail while its promise stands, never for a
    /// message flagged sensitive (design.md, Data). The citizen is the sender, or a forward's or a web form's citizen.
    /// </summary>
    public string? CitizenName { get; set; }
    public string? CitizenAddress { get; set; }
    public string? Subject { get; set; }
    /// <summary>
    /// Only a sent mail to this address answers it (a forward or a web form); null: any reply in the conversation. For a
    /// sensitive mail only its <see cref="Pseudonym"/>: enough to know the answer when it leaves, nothing to read.
    /// </summary>
    public string? AnswerTo { get; set; }
    /// <summary>Where Outlook on the web opens it (Graph's webLink); null in the sandbox.</summary>
    public string? WebLink { get; set; }
    /// <summary>The product's Outlook category last set on it (one of <see cref="PromiseLabels"/>).</summary>
    public string? Label { get; set; }
    /// <summary>The official's own categories on it, as the mailbox last showed them (kept when ours is set).</summary>
    public List<string> OwnCategories { get; set; } = [];
    /// <summary>When the watcher last saw it in its mailbox: only then are <see cref="OwnCategories"/> known, and a label may be set.</summary>
    public DateTimeOffset? SeenByWatcherAt { get; set; }

    /// <summary>
    /// Handed over (forwarded from the pane) to a colleague or another unit's function mailbox: the promise left with the
    /// forward, so this copy is no longer its holder's to answer. The forward's Internet message id finds the copy that
    /// arrives in the new mailbox, which takes over the received date and the due date.
    /// </summary>
    public DateTimeOffset? HandedOverAt { get; set; }
    public string? HandedOverToName { get; set; }
    public string? HandedOverTo { get; set; }
    public string? HandoverInternetMessageId { get; set; }
    /// <summary>On the copy that arrived by a hand-over: who handed it over (shown as "överlämnat av …").</summary>
    public string? HandedOverByName { get; set; }
    public string? HandedOverBy { get; set; }

    /// <summary>True when a mail sent to <paramref name="to"/> reaches the one it must reach (see <see cref="AnswerTo"/>).</summary>
    public bool IsAnsweredBy(IReadOnlyCollection<string> to) =>
        AnswerTo is null || to.Any(address => address.Equals(AnswerTo, StringComparison.OrdinalIgnoreCase) || Pseudonym(address) == AnswerTo);

    /// <summary>An address as a sensitive mail keeps it: its SHA-256, which a sent mail's recipient can be checked against.</summary>
    public static string Pseudonym(string address) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())));

    public ContactPerson? Contact => ContactName is null || ContactEmail is null
        ? null : new ContactPerson(ContactName, ContactTitle, ContactPhone, ContactEmail);

    /// <summary>A receipt has gone out: the citizen now holds this date and this contact person.</summary>
    public void Promise(DateOnly promisedDate, ContactPerson contact, DateTimeOffset at)
    {
        PromisedDate = promisedDate;
        AcknowledgedAt ??= at;
        (ContactName, ContactTitle, ContactPhone, ContactEmail) = (contact.Name, contact.Title, contact.Phone, contact.Email);
    }
}

internal sealed class TrackedMessageConfiguration : IEntityTypeConfiguration<TrackedMessage>
{
    public void Configure(EntityTypeBuilder<TrackedMessage> message)
    {
        message.ToTable("Messages");
        message.Property(m => m.Id).HasMaxLength(512);
        message.Property(m => m.Mailbox).HasMaxLength(320);
        message.Property(m => m.InternetMessageId).HasMaxLength(998);
        message.Property(m => m.ConversationId).HasMaxLength(512);
        message.Property(m => m.Language).HasMaxLength(8);
        message.Property(m => m.Category).HasConversion<string>().HasMaxLength(32);
        message.Property(m => m.ContactName).HasMaxLength(200);
        message.Property(m => m.ContactTitle).HasMaxLength(200);
        message.Property(m => m.ContactPhone).HasMaxLength(50);
        message.Property(m => m.ContactEmail).HasMaxLength(320);
        message.Property(m => m.AnsweredHow).HasConversion<string>().HasMaxLength(32);
        message.Property(m => m.AnswerNote).HasMaxLength(TrackedMessage.MaxAnswerNote);
        message.Property(m => m.CitizenName).HasMaxLength(200);
        message.Property(m => m.CitizenAddress).HasMaxLength(320);
        message.Property(m => m.Subject).HasMaxLength(500);
        message.Property(m => m.AnswerTo).HasMaxLength(320);
        message.Property(m => m.WebLink).HasMaxLength(2048);
        message.Property(m => m.Label).HasMaxLength(64);
        message.PrimitiveCollection(m => m.OwnCategories);
        message.Property(m => m.HandedOverToName).HasMaxLength(200);
        message.Property(m => m.HandedOverTo).HasMaxLength(320);
        message.Property(m => m.HandoverInternetMessageId).HasMaxLength(998);
        message.Property(m => m.HandedOverByName).HasMaxLength(200);
        message.Property(m => m.HandedOverBy).HasMaxLength(320);
        message.HasIndex(m => m.HandoverInternetMessageId);
        message.Ignore(m => m.Contact);
        message.HasIndex(m => new { m.Mailbox, m.DueDate });
        message.HasIndex(m => new { m.Mailbox, m.ConversationId });
    }
}

/// <summary>The tracked messages, as <c>db.Messages</c>: the database itself knows no feature.</summary>
internal static class TrackedMessages
{
    extension(Data.KontaktlofteDb db)
    {
        public DbSet<TrackedMessage> Messages => db.Set<TrackedMessage>();
    }
}
