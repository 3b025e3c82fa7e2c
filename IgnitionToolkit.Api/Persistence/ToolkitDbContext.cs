using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>The toolkit's database. Provider-specific subclasses (<see cref="SqliteToolkitDbContext"/>,
/// <see cref="PostgresToolkitDbContext"/>) carry their own migrations; code uses this base type.</summary>
public abstract class ToolkitDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ExecutionRecord> Executions => Set<ExecutionRecord>();
    public DbSet<StepResultRecord> StepResults => Set<StepResultRecord>();
    public DbSet<LogLineRecord> LogLines => Set<LogLineRecord>();
    public DbSet<ArtifactRecord> Artifacts => Set<ArtifactRecord>();
    public DbSet<PendingEventRecord> PendingEvents => Set<PendingEventRecord>();
    public DbSet<CredentialRecord> Credentials => Set<CredentialRecord>();
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<RunnerRecord> Runners => Set<RunnerRecord>();
    public DbSet<LoginFailureRecord> LoginFailures => Set<LoginFailureRecord>();
    public DbSet<JobLeaseRecord> JobLeases => Set<JobLeaseRecord>();
    public DbSet<Schedules.ScheduleRecord> Schedules => Set<Schedules.ScheduleRecord>();
    public DbSet<Schedules.ScheduleRunRecord> ScheduleRuns => Set<Schedules.ScheduleRunRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExecutionRecord>(e =>
        {
            e.ToTable("executions");
            e.HasKey(x => x.Id);
            e.Property(x => x.PlaybookPath).HasMaxLength(1024);
            e.Property(x => x.PlaybookName).HasMaxLength(512);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.RunnerId).HasMaxLength(256);
            e.Property(x => x.StartedBy).HasMaxLength(256);
            e.Property(x => x.ScheduleName).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ScheduleId);
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.CreatedAt);
        });
        modelBuilder.Entity<StepResultRecord>(e =>
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
        });
        modelBuilder.Entity<LogLineRecord>(e =>
        {
            e.ToTable("log_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Level).HasMaxLength(32);
            e.Property(x => x.StepPath).HasMaxLength(1024);
            e.HasIndex(x => new { x.ExecutionId, x.Sequence });
            e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ArtifactRecord>(e =>
        {
            e.ToTable("artifacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(512);
            e.Property(x => x.ContentType).HasMaxLength(256);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => new { x.ExecutionId, x.Sequence });
            e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PendingEventRecord>(e =>
        {
            e.ToTable("pending_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.RunnerId).HasMaxLength(256);
            e.HasIndex(x => new { x.ExecutionId, x.Sequence }).IsUnique();
            e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CredentialRecord>(e =>
        {
            e.ToTable("credentials");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Description).HasMaxLength(1024);
            e.Property(x => x.FieldNames).HasMaxLength(256);
            e.Property(x => x.KeyId).HasMaxLength(64);
            e.HasIndex(x => x.Name).IsUnique();
        });
        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("users");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.PasswordHash).HasMaxLength(512);
            e.Property(x => x.Role).HasMaxLength(16);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
            e.HasIndex(x => x.UserName).IsUnique();
        });
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.TargetType).HasMaxLength(32);
            e.Property(x => x.TargetId).HasMaxLength(1024);
            e.Property(x => x.Detail).HasMaxLength(1024);
            e.Property(x => x.ClientIp).HasMaxLength(64);
            e.HasIndex(x => x.Timestamp);
            e.HasIndex(x => new { x.UserName, x.Timestamp });
            e.HasIndex(x => new { x.Action, x.Timestamp });
        });
        SharedStateModel.Configure(modelBuilder);
        modelBuilder.ApplyConfiguration(new Schedules.ScheduleEntityConfiguration());
        modelBuilder.ApplyConfiguration(new Schedules.ScheduleRunEntityConfiguration());
    }
}
