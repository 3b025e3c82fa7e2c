using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>artifacts</c>: files an execution produced (the files live in the data folder), deleted with it.</summary>
internal sealed class ArtifactRecordConfiguration : IEntityTypeConfiguration<ArtifactRecord>
{
    public void Configure(EntityTypeBuilder<ArtifactRecord> e)
    {
        e.ToTable("artifacts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(512);
        e.Property(x => x.ContentType).HasMaxLength(256);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => new { x.ExecutionId, x.Sequence });
        e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
