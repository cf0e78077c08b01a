using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Organisation;

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
    /// <summary>
    /// Whether the watcher follows the official's own mailbox (from their first sign-in). They may turn it off in the pane:
    /// then only mail they open there is tracked.
    /// </summary>
    public bool WatchOwnMailbox { get; set; } = true;
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.ToTable("Units");
        unit.Property(u => u.Name).HasMaxLength(200);
        unit.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> official)
    {
        official.ToTable("Officials");
        official.Property(o => o.Email).HasMaxLength(320);
        official.HasIndex(o => o.Email).IsUnique();
        official.Property(o => o.Name).HasMaxLength(200);
        official.Property(o => o.Title).HasMaxLength(200);
        official.Property(o => o.Phone).HasMaxLength(50);
        official.HasOne(o => o.Unit).WithMany(u => u.Members).HasForeignKey(o => o.UnitId);
    }
}

/// <summary>The officials and units, as <c>db.Officials</c> and <c>db.Units</c>.</summary>
internal static class OrganisationSets
{
    extension(KontaktlofteDb db)
    {
        public DbSet<Official> Officials => db.Set<Official>();
        public DbSet<Unit> Units => db.Set<Unit>();
    }
}
