using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>pending_events</c>: events that arrived ahead of their predecessors, one per sequence number.</summary>
internal sealed class PendingEventRecordConfiguration : IEntityTypeConfiguration<PendingEventRecord>
{
    public void Configure(EntityTypeBuilder<PendingEventRecord> e)
    {
        e.ToTable("pending_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.RunnerId).HasMaxLength(256);
        e.HasIndex(x => new { x.ExecutionId, x.Sequence }).IsUnique();
        e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
