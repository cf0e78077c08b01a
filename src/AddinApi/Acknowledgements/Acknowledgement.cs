using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Acknowledgements;

/// <summary>
/// A receipt (mottagningsbevis) to a citizen, or a later "nytt besked" when the promise moves: the facts it is written
/// from. Its delivery is the outbox item with the same id. The official's personal line is kept only until sent.
/// </summary>
public sealed class Acknowledgement
{
    public Guid Id { get; set; }
    public required string MessageId { get; set; }
    /// <summary>0, 1, 2 … in the order they were recorded for the message: never two alike.</summary>
    public int Sequence { get; set; }
    /// <summary>A new answer date after a receipt ("nytt besked"), not the receipt itself.</summary>
    public bool IsUpdate { get; set; }
    /// <summary>The client's Idempotency-Key, unique per official.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the request, to tell a repeat from another request under the same key.</summary>
    public required string RequestHash { get; set; }
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
    public DateTimeOffset CreatedAt { get; set; }

    public ContactPerson Contact => new(ContactName, ContactTitle, ContactPhone, ContactEmail);
}

internal sealed class AcknowledgementConfiguration : IEntityTypeConfiguration<Acknowledgement>
{
    public void Configure(EntityTypeBuilder<Acknowledgement> ack)
    {
        ack.ToTable("Acknowledgements");
        ack.Property(a => a.MessageId).HasMaxLength(512);
        ack.Property(a => a.IdempotencyKey).HasMaxLength(200);
        ack.Property(a => a.RequestHash).HasMaxLength(64);
        ack.Property(a => a.CreatedBy).HasMaxLength(320);
        ack.Property(a => a.SenderName).HasMaxLength(200);
        ack.Property(a => a.SenderTitle).HasMaxLength(200);
        ack.Property(a => a.SenderPhone).HasMaxLength(50);
        ack.Property(a => a.Mailbox).HasMaxLength(320);
        ack.Property(a => a.ContactName).HasMaxLength(200);
        ack.Property(a => a.ContactTitle).HasMaxLength(200);
        ack.Property(a => a.ContactPhone).HasMaxLength(50);
        ack.Property(a => a.ContactEmail).HasMaxLength(320);
        ack.Property(a => a.Language).HasMaxLength(8);
        ack.Property(a => a.DraftId).HasMaxLength(512);
        ack.Property(a => a.PersonalLine).HasMaxLength(AcknowledgementRules.MaxPersonalLine);
        ack.Ignore(a => a.Contact);
        // Idempotency-Key: the same key from the same official is the same request, never two receipts.
        ack.HasIndex(a => new { a.CreatedBy, a.IdempotencyKey }).IsUnique();
        // One receipt or new answer date at a time per message: two recorded at the same moment would confuse the citizen.
        ack.HasIndex(a => new { a.MessageId, a.Sequence }).IsUnique();
    }
}

/// <summary>The receipts, as <c>db.Acknowledgements</c>: the database itself knows no feature.</summary>
internal static class AcknowledgementSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<Acknowledgement> Acknowledgements => db.Set<Acknowledgement>();
    }
}
