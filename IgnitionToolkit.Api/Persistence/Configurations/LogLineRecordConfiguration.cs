using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>log_lines</c>: an execution's log, in sequence, deleted with it.</summary>
internal sealed class LogLineRecordConfiguration : IEntityTypeConfiguration<LogLineRecord>
{
    public void Configure(EntityTypeBuilder<LogLineRecord> e)
    {
        e.ToTable("log_lines");
        e.HasKey(x => x.Id);
        e.Property(x => x.Level).HasMaxLength(32);
        e.Property(x => x.StepPath).HasMaxLength(1024);
        e.HasIndex(x => new { x.ExecutionId, x.Sequence });
        e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
