using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>executions</c>: one row per execution (<c>Pinned</c>: kept by history retention); <c>Version</c> is the optimistic concurrency token.</summary>
internal sealed class ExecutionRecordConfiguration : IEntityTypeConfiguration<ExecutionRecord>
{
    public void Configure(EntityTypeBuilder<ExecutionRecord> e)
    {
        e.ToTable("executions");
        e.HasKey(x => x.Id);
        e.Property(x => x.PlaybookPath).HasMaxLength(1024);
        e.Property(x => x.PlaybookName).HasMaxLength(512);
        e.Property(x => x.Status).HasMaxLength(32);
        e.Property(x => x.RunnerId).HasMaxLength(256);
        e.Property(x => x.StartedBy).HasMaxLength(256);
        e.Property(x => x.ScheduleName).HasMaxLength(128);
        e.Property(x => x.CredentialName).HasMaxLength(256);
        e.Property(x => x.PlaybookHash).HasMaxLength(64);
        e.Property(x => x.ResumedAtStep).HasMaxLength(256);
        e.HasIndex(x => x.ResumedFromId);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.ScheduleId);
        e.HasIndex(x => x.Status);
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.FleetRunId);
        e.HasIndex(x => new { x.PlaybookPath, x.CreatedAt }); // retention per playbook, playbook filter
        e.HasIndex(x => new { x.StartedBy, x.CreatedAt });
        e.HasIndex(x => x.FinishedAt); // retention by age
    }
}
