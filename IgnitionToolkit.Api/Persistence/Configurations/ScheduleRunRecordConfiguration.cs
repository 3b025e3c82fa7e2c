using IgnitionToolkit.Api.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>schedule_runs</c>: the unique (schedule, due time) index is what makes a due run start once
/// across API instances.</summary>
internal sealed class ScheduleRunRecordConfiguration : IEntityTypeConfiguration<ScheduleRunRecord>
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
