using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// A citizen's mail handed over from the pane to a colleague or another unit's function mailbox: the forward (which also
/// tells the new holder they are now the contact person) and, if the official chose, a short note to the citizen naming
/// the new contact person. Delivered once through the outbox item with the same id; the drafts' ids are kept so that a
/// retry sends the same drafts.
/// </summary>
public sealed class Handover
{
    public Guid Id { get; set; }
    public required string MessageId { get; set; }
    /// <summary>The mailbox the message is in (the official's own or a function mailbox).</summary>
    public required string Mailbox { get; set; }
    /// <summary>The official who handed it over (sign-in name) and their name.</summary>
    public required string CreatedBy { get; set; }
    public required string ByName { get; set; }
    /// <summary>Key of the long-running on-behalf-of session that lets the outbox reach Graph later.</summary>
    public string? SessionKey { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    /// <summary>The official's note to the new holder: part of a mail body, kept only until the forward is sent.</summary>
    public string? Note { get; set; }
    public bool NotifyCitizen { get; set; }
    public string? ForwardDraftId { get; set; }
    public bool ForwardSent { get; set; }
    public string? NoticeDraftId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int MaxNote = 500;

    /// <summary>Who acts, and in which mailbox: the official, in a function mailbox when the message is in one.</summary>
    public MailboxOwner Owner => MailboxOwner.Acting(CreatedBy, SessionKey, Mailbox);
}

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> handover)
    {
        handover.ToTable("Handovers");
        handover.Property(h => h.MessageId).HasMaxLength(512);
        handover.Property(h => h.Mailbox).HasMaxLength(320);
        handover.Property(h => h.CreatedBy).HasMaxLength(320);
        handover.Property(h => h.ByName).HasMaxLength(200);
        handover.Property(h => h.ToAddress).HasMaxLength(320);
        handover.Property(h => h.ToName).HasMaxLength(200);
        handover.Property(h => h.Note).HasMaxLength(Handover.MaxNote);
        handover.Property(h => h.ForwardDraftId).HasMaxLength(512);
        handover.Property(h => h.NoticeDraftId).HasMaxLength(512);
        handover.Ignore(h => h.Owner);
        handover.HasIndex(h => h.MessageId);
    }
}

/// <summary>The hand-overs, as <c>db.Handovers</c>: the database itself knows no feature.</summary>
internal static class HandoverSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<Handover> Handovers => db.Set<Handover>();
    }
}
