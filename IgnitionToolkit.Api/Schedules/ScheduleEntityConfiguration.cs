using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>Table <c>schedules</c>.</summary>
public sealed class ScheduleEntityConfiguration : IEntityTypeConfiguration<ScheduleRecord>
{
    public void Configure(EntityTypeBuilder<ScheduleRecord> e)
    {
        e.ToTable("schedules");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(ScheduleRules.MaxName);
        e.Property(x => x.Description).HasMaxLength(ScheduleRules.MaxDescription);
        e.Property(x => x.PlaybookPath).HasMaxLength(1024);
        e.Property(x => x.CredentialName).HasMaxLength(128);
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

/// <summary>Table <c>schedule_runs</c>: the unique (schedule, due time) index is what makes a due run start once
/// across API instances.</summary>
public sealed class ScheduleRunEntityConfiguration : IEntityTypeConfiguration<ScheduleRunRecord>
{
    public void Configure(EntityTypeBuilder<ScheduleRunRecord> e)
    {
        e.ToTable("schedule_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.State).HasMaxLength(16);
        e.Property(x => x.Detail).HasMaxLength(1024);
        e.Property(x => x.Instance).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.ScheduleId, x.DueAt }).IsUnique();
        e.HasIndex(x => x.State);
        e.HasOne<ScheduleRecord>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
    }
}
