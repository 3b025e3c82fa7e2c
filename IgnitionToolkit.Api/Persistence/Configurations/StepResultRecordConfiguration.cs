using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>step_results</c>: one row per step path of an execution, deleted with it.</summary>
internal sealed class StepResultRecordConfiguration : IEntityTypeConfiguration<StepResultRecord>
{
    public void Configure(EntityTypeBuilder<StepResultRecord> e)
    {
        e.ToTable("step_results");
        e.HasKey(x => x.Id);
        e.Property(x => x.StepPath).HasMaxLength(1024);
        e.Property(x => x.ParentPath).HasMaxLength(1024);
        e.Property(x => x.StepId).HasMaxLength(256);
        e.Property(x => x.Name).HasMaxLength(512);
        e.Property(x => x.Type).HasMaxLength(256);
        e.Property(x => x.Status).HasMaxLength(32);
        e.HasIndex(x => new { x.ExecutionId, x.StepPath }).IsUnique();
        e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
