using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>The tables that let several API instances share one state: Runner presence, login failures, job leases.</summary>
internal static class SharedStateModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RunnerRecord>(e =>
        {
            e.ToTable("runners");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(256);
        });
        modelBuilder.Entity<LoginFailureRecord>(e =>
        {
            e.ToTable("login_failures"); // named in LoginLimiter's upsert
            e.HasKey(x => new { x.PartitionKey, x.WindowNumber });
            e.Property(x => x.PartitionKey).HasMaxLength(320).HasColumnName("partition_key");
            e.Property(x => x.WindowNumber).HasColumnName("window_number");
            e.Property(x => x.Failures).HasColumnName("failures");
        });
        modelBuilder.Entity<JobLeaseRecord>(e =>
        {
            e.ToTable("job_leases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.Holder).HasMaxLength(256);
        });
    }
}
