using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Outbox;

/// <summary>queued (to be sent, or retried), sent, or failed for good (a dead letter the official is shown).</summary>
public enum OutboxStatus { Queued, Sent, Failed }

/// <summary>
/// One thing that must leave the house exactly once: a receipt now, registrations and digests later. It shares its
/// id with what it delivers (an acknowledgement's id), which keeps its own facts; the outbox keeps only the delivery.
/// </summary>
public sealed class OutboxItem
{
    public Guid Id { get; set; }
    /// <summary>Which sender delivers it, e.g. <c>acknowledgement</c>.</summary>
    public required string Kind { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>While set and in the future, one worker (or the request that recorded it) is sending it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>When it was sent, or when it was given up.</summary>
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>Why the last attempt failed, in Swedish for the official (never a body).</summary>
    public string? LastError { get; set; }
}

internal sealed class OutboxItemConfiguration : IEntityTypeConfiguration<OutboxItem>
{
    public void Configure(EntityTypeBuilder<OutboxItem> item)
    {
        item.ToTable("Outbox");
        item.Property(i => i.Kind).HasMaxLength(32);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        item.Property(i => i.LastError).HasMaxLength(500);
        item.HasIndex(i => new { i.Status, i.NextAttemptAt });
    }
}
