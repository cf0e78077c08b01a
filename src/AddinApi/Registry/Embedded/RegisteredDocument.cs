using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Registry.Embedded;

/// <summary>
/// A document registered in a case: a mail (with its attachments) numbered 1, 2, 3 … within the case. Only the facts
/// a register entry holds (OSL 5 kap. 2 §) and the message's id; never the body.
/// </summary>
public sealed class RegisteredDocument
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public RegistryCase Case { get; set; } = null!;
    public int Number { get; set; }

    /// <summary>
    /// The mail's internetMessageId, the same in every mailbox that holds a copy: unique, so that a message is registered
    /// once however many recipients ask (issue 10: asking again returns the same numbers).
    /// </summary>
    public string? InternetMessageId { get; set; }

    public DocumentDirection Direction { get; set; }
    /// <summary>The document type (handlingstyp) as the registrar chose it, e.g. "Skrivelse".</summary>
    public required string DocumentType { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>The registrar who registered it (sign-in name).</summary>
    public required string RegisteredBy { get; set; }
}

internal sealed class RegisteredDocumentConfiguration : IEntityTypeConfiguration<RegisteredDocument>
{
    public void Configure(EntityTypeBuilder<RegisteredDocument> document)
    {
        document.ToTable("RegisteredDocuments");
        document.Property(d => d.InternetMessageId).HasMaxLength(998); // RFC 5322's longest line
        document.Property(d => d.Direction).HasConversion<string>().HasMaxLength(16);
        document.Property(d => d.DocumentType).HasMaxLength(100);
        document.Property(d => d.RegisteredBy).HasMaxLength(320);
        document.HasOne(d => d.Case).WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        document.HasIndex(d => new { d.CaseId, d.Number }).IsUnique();
        document.HasIndex(d => d.InternetMessageId).IsUnique();
    }
}

/// <summary>The registered documents, as <c>db.RegisteredDocuments</c>.</summary>
internal static class RegisteredDocumentSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<RegisteredDocument> RegisteredDocuments => db.Set<RegisteredDocument>();
    }
}
