using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Registry.Embedded;

/// <summary>
/// The last sequence number given in a series and year. One row per series and year, created by the first case of the
/// year (so a new year starts at 1 without a job at midnight) and raised by one in the same transaction as each case.
/// </summary>
public sealed class CaseSequence
{
    public required string Series { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class CaseSequenceConfiguration : IEntityTypeConfiguration<CaseSequence>
{
    // The table and column names are written out in CaseNumbers' SQL: keep them in step.
    public void Configure(EntityTypeBuilder<CaseSequence> sequence)
    {
        sequence.ToTable("CaseSequences");
        sequence.HasKey(s => new { s.Series, s.Year });
        sequence.Property(s => s.Series).HasMaxLength(CaseNumber.MaxSeriesLength);
    }
}

/// <summary>The number sequences, as <c>db.CaseSequences</c>.</summary>
internal static class CaseSequenceSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<CaseSequence> CaseSequences => db.Set<CaseSequence>();
    }
}
