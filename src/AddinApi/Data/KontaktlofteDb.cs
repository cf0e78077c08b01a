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
