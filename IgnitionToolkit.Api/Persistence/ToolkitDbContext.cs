using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts;
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
    public DbSet<LibrarySourceRecord> LibrarySources => Set<LibrarySourceRecord>();
    public DbSet<PlaybookVerificationRecord> PlaybookVerifications => Set<PlaybookVerificationRecord>();
    public DbSet<AiMessageRecord> AiMessages => Set<AiMessageRecord>();
    public DbSet<WebhookRecord> Webhooks => Set<WebhookRecord>();
    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();
    public DbSet<WebhookAttemptRecord> WebhookAttempts => Set<WebhookAttemptRecord>();
    public DbSet<Schedules.ScheduleRecord> Schedules => Set<Schedules.ScheduleRecord>();
    public DbSet<Schedules.ScheduleRunRecord> ScheduleRuns => Set<Schedules.ScheduleRunRecord>();
    public DbSet<Tokens.ApiTokenRecord> ApiTokens => Set<Tokens.ApiTokenRecord>();
    public DbSet<Triggers.TriggerRecord> Triggers => Set<Triggers.TriggerRecord>();

    /// <summary>Statuses are stored as their wire names (<c>running</c>), as before they were typed.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<ExecutionStatus>().HaveConversion<WireNameConverter<ExecutionStatus>>();
        configurationBuilder.Properties<StepStatus>().HaveConversion<WireNameConverter<StepStatus>>();
    }

    /// <summary>Each entity's mapping is its own class in <c>Persistence/Configurations</c>.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ToolkitDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.AuditRecordConfiguration).Namespace);
}
