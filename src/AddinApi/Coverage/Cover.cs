using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// Who reads a member's mail while they are away, as the unit head recorded it. Graph shows neither delegates, nor
/// forwarding, nor Full Access, so the product keeps the record (e-mail guideline: the unit head's routine so that nobody's
/// absence leaves mail unwatched). One per member; gone the day after its period (the audit log keeps that it was set).
/// </summary>
public sealed class Cover
{
    /// <summary>The member covered (e-mail address, lower case).</summary>
    public required string Member { get; set; }
    /// <summary>The colleague who covers (e-mail address, lower case).</summary>
    public required string CoverEmail { get; set; }
    public required string CoverName { get; set; }
    /// <summary>First day covered (Europe/Stockholm).</summary>
    public DateOnly From { get; set; }
    /// <summary>Last day covered.</summary>
    public DateOnly To { get; set; }
    /// <summary>The unit head who recorded it.</summary>
    public required string SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

internal sealed class CoverConfiguration : IEntityTypeConfiguration<Cover>
{
    public void Configure(EntityTypeBuilder<Cover> cover)
    {
        cover.ToTable("Covers");
        cover.HasKey(c => c.Member);
        cover.Property(c => c.Member).HasMaxLength(320);
        cover.Property(c => c.CoverEmail).HasMaxLength(320);
        cover.Property(c => c.CoverName).HasMaxLength(200);
        cover.Property(c => c.SetBy).HasMaxLength(320);
        cover.HasIndex(c => c.To);
    }
}

/// <summary>The covers, as <c>db.Covers</c>: the database itself knows no feature.</summary>
public static class CoverSets
{
    extension(KontaktlofteDb db)
    {
        public DbSet<Cover> Covers => db.Set<Cover>();
    }
}
