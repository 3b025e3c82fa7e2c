using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>fleet_runs</c>.</summary>
internal sealed class FleetRunRecordConfiguration : IEntityTypeConfiguration<FleetRunRecord>
{
    public void Configure(EntityTypeBuilder<FleetRunRecord> e)
    {
        e.ToTable("fleet_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.PlaybookPath).HasMaxLength(1024);
        e.Property(x => x.PlaybookName).HasMaxLength(512);
        e.Property(x => x.Status).HasMaxLength(32);
        e.Property(x => x.StopReason).HasMaxLength(1024);
        e.Property(x => x.StartedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Status);
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => new { x.ScheduleId, x.Status });
    }
}
