using IgnitionToolkit.Api.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>schedules</c>.</summary>
internal sealed class ScheduleRecordConfiguration : IEntityTypeConfiguration<ScheduleRecord>
{
    public void Configure(EntityTypeBuilder<ScheduleRecord> e)
    {
        e.ToTable("schedules");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(ScheduleRules.MaxName);
        e.Property(x => x.Description).HasMaxLength(ScheduleRules.MaxDescription);
        e.Property(x => x.PlaybookPath).HasMaxLength(1024);
        e.Property(x => x.CredentialName).HasMaxLength(128);
        e.Property(x => x.FleetTargetJson).HasMaxLength(8192);
        e.Property(x => x.TimingJson).HasMaxLength(1024);
        e.Property(x => x.Cron).HasMaxLength(256);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Overlap).HasMaxLength(16);
        e.Property(x => x.MissedRuns).HasMaxLength(16);
        e.Property(x => x.LastOutcome).HasMaxLength(1024);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Name).IsUnique();
        e.HasIndex(x => new { x.Enabled, x.NextDueAt });
    }
}
