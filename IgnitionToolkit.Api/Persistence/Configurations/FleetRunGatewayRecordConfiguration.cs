using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>fleet_run_gateways</c>: a row per gateway of a run, linking its execution.</summary>
internal sealed class FleetRunGatewayRecordConfiguration : IEntityTypeConfiguration<FleetRunGatewayRecord>
{
    public void Configure(EntityTypeBuilder<FleetRunGatewayRecord> e)
    {
        e.ToTable("fleet_run_gateways");
        e.HasKey(x => x.Id);
        e.Property(x => x.GatewayName).HasMaxLength(128);
        e.Property(x => x.GatewayUrl).HasMaxLength(2048);
        e.Property(x => x.CredentialName).HasMaxLength(128);
        e.Property(x => x.Status).HasMaxLength(32);
        e.Property(x => x.FailedStep).HasMaxLength(1024);
        e.Property(x => x.Error).HasMaxLength(2048);
        e.HasIndex(x => new { x.FleetRunId, x.Order }).IsUnique();
        e.HasIndex(x => new { x.GatewayId, x.Status });
        e.HasIndex(x => x.ExecutionId);
        e.HasOne<FleetRunRecord>().WithMany().HasForeignKey(x => x.FleetRunId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.SetNull);
    }
}
