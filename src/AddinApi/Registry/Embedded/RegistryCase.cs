using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Registry.Embedded;

/// <summary>
/// A case (ärende) in the embedded registry. Its number's parts are kept apart, unique together, so that
/// <c>KS/2021:12</c> and <c>KS/2021:00012</c> are one case and the database itself refuses a number twice.
/// </summary>
public sealed class RegistryCase
{
    public Guid Id { get; set; }
    public required string Series { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }

    /// <summary>The case title (ärendemening) as the public register shows it.</summary>
    public required string Title { get; set; }

    /// <summary>
    /// OSL 5 kap. 2 §: the part of a secret case's title that would reveal what secrecy protects, kept apart from the
    /// public title so that the rest of the register can be public; shown to registrars only. Null for a public case.
    /// </summary>
    public string? TitleKeptApart { get; set; }

    /// <summary>The last document number given in this case: the next document gets one more (see <see cref="CaseNumbers"/>).</summary>
    public int LastDocument { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The registrar who opened the case (sign-in name).</summary>
    public required string CreatedBy { get; set; }

    public CaseNumber Number => new(Series, Year, Sequence);

    public const int MaxTitle = 500;
}

internal sealed class RegistryCaseConfiguration : IEntityTypeConfiguration<RegistryCase>
{
    public void Configure(EntityTypeBuilder<RegistryCase> @case)
    {
        @case.ToTable("RegistryCases");
        @case.Property(c => c.Series).HasMaxLength(CaseNumber.MaxSeriesLength);
        @case.Property(c => c.Title).HasMaxLength(RegistryCase.MaxTitle);
        @case.Property(c => c.TitleKeptApart).HasMaxLength(RegistryCase.MaxTitle);
        @case.Property(c => c.CreatedBy).HasMaxLength(320);
        @case.Ignore(c => c.Number);
        @case.HasIndex(c => new { c.Series, c.Year, c.Sequence }).IsUnique();
    }
}

/// <summary>The embedded registry's cases, as <c>db.RegistryCases</c>: the database itself knows no port.</summary>
internal static class RegistryCaseSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<RegistryCase> RegistryCases => db.Set<RegistryCase>();
    }
}
