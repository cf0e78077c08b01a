using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Mailbox.Sandbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Data;

/// <summary>
/// The product's database. It holds the least that serves (design.md, Data): never a message body,
/// never a personal identity number; later features add their tables here.
/// </summary>
public sealed class KontaktlofteDb(DbContextOptions<KontaktlofteDb> options) : DbContext(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Official> Officials => Set<Official>();
    public DbSet<TrackedMessage> Messages => Set<TrackedMessage>();
    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();
    public DbSet<SandboxMail> SandboxMail => Set<SandboxMail>();
    public DbSet<SandboxSentMail> SandboxSentMail => Set<SandboxSentMail>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time type that compares: store instants as Unix milliseconds so that the outbox
        // can ask "due before now" in SQL. PostgreSQL would keep timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
        }
        configurationBuilder.Properties<MessageCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AcknowledgementStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Unit>(unit =>
        {
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.HasIndex(u => u.Name).IsUnique();
        });
        modelBuilder.Entity<Official>(official =>
        {
            official.Property(o => o.Email).HasMaxLength(320);
            official.HasIndex(o => o.Email).IsUnique();
            official.Property(o => o.Name).HasMaxLength(200);
            official.Property(o => o.Title).HasMaxLength(200);
            official.Property(o => o.Phone).HasMaxLength(50);
            official.HasOne(o => o.Unit).WithMany(u => u.Members).HasForeignKey(o => o.UnitId);
        });
        modelBuilder.Entity<TrackedMessage>(message =>
        {
            message.Property(m => m.Id).HasMaxLength(512);
            message.Property(m => m.Mailbox).HasMaxLength(320);
            message.Property(m => m.InternetMessageId).HasMaxLength(998);
            message.Property(m => m.ConversationId).HasMaxLength(512);
            message.Property(m => m.Language).HasMaxLength(8);
            message.HasIndex(m => new { m.Mailbox, m.DueDate });
        });
        modelBuilder.Entity<Acknowledgement>(ack =>
        {
            ack.Property(a => a.MessageId).HasMaxLength(512);
            ack.Property(a => a.IdempotencyKey).HasMaxLength(200);
            ack.Property(a => a.RequestHash).HasMaxLength(64);
            ack.Property(a => a.CreatedBy).HasMaxLength(320);
            ack.Property(a => a.Mailbox).HasMaxLength(320);
            ack.Property(a => a.Language).HasMaxLength(8);
            ack.Property(a => a.PersonalLine).HasMaxLength(AcknowledgementRules.MaxPersonalLine);
            // Idempotency-Key: the same key from the same official is the same request, never two receipts.
            ack.HasIndex(a => new { a.CreatedBy, a.IdempotencyKey }).IsUnique();
            // One receipt per message: a second one would confuse the citizen.
            ack.HasIndex(a => a.MessageId).IsUnique();
            ack.HasIndex(a => new { a.Status, a.NextAttemptAt });
        });
        modelBuilder.Entity<SandboxMail>(mail => mail.Property(m => m.Id).HasMaxLength(64));
        modelBuilder.Entity<SandboxSentMail>(mail => mail.HasIndex(m => m.InReplyTo));
    }
}

/// <summary>An organisational unit (enhet) with a unit head and members.</summary>
public sealed class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Official> Members { get; set; } = [];
}

/// <summary>An official (handläggare) as the product knows them: contact details for receipts, unit for coverage.</summary>
public sealed class Official
{
    public int Id { get; set; }
    /// <summary>The sign-in name (UPN), lower case.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
}
