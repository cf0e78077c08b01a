using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Data;

/// <summary>
/// One line of the audit log: who did what, when, to which record. Never a body, never a personal identity number, never
/// what a secret register entry keeps apart (OSL 5 kap. 2 §): <see cref="Details"/> holds numbers and choices only.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Who acted (sign-in name), or "watcher" for the product itself.</summary>
    public required string Actor { get; set; }
    /// <summary>What: e.g. <c>registration.registered</c>, <c>registration-request.decided</c>.</summary>
    public required string Action { get; set; }
    /// <summary>The record acted on (its id).</summary>
    public required string Target { get; set; }
    public string? Details { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("AuditEvents");
        audit.Property(a => a.Actor).HasMaxLength(320);
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.Property(a => a.Target).HasMaxLength(64);
        audit.Property(a => a.Details).HasMaxLength(1000);
        audit.HasIndex(a => a.At);
        audit.HasIndex(a => a.Target);
        // GET /api/audit: an official's own lines, newest first.
        audit.HasIndex(a => new { a.Actor, a.At });
    }
}

/// <summary>The audit log: <c>db.Audit(…)</c> adds a line to what the caller saves next.</summary>
public static class AuditLog
{
    extension(KontaktlofteDb db)
    {
        public DbSet<AuditEvent> AuditEvents => db.Set<AuditEvent>();

        /// <summary>Adds a line; saved with the caller's own change, so the log and the change stand or fall together.</summary>
        public void Audit(DateTimeOffset at, string actor, string action, object target, string? details = null) =>
            db.AuditEvents.Add(new AuditEvent { At = at, Actor = actor, Action = action, Target = target.ToString()!, Details = details });
    }

    /// <summary>The watcher, as the actor of what the product does by itself.</summary>
    public const string Watcher = "watcher";

    /// <summary>
    /// A tracked message as the log names it: a mailbox's id is up to 512 characters (Graph's immutable id), the target
    /// holds 64. The first 128 bits of its SHA-256, stable for the message and saying nothing of it.
    /// </summary>
    public static string MessageKey(string messageId) =>
        "msg-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(messageId)))[..32];

    /// <summary>An address as a target: a sign-in name is rarely longer than 64 characters, and the details name it whole.</summary>
    public static string AddressKey(string address) => address.Length <= 64 ? address : address[..64];

    /// <summary>A yes or no in the details.</summary>
    public static string YesNo(bool value) => value ? "yes" : "no";
}
