using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>login_failures</c>: failed logins per partition and window, shared by every API instance (named in <see cref="Auth.LoginLimiter"/>'s upsert, hence the explicit column names).</summary>
internal sealed class LoginFailureRecordConfiguration : IEntityTypeConfiguration<LoginFailureRecord>
{
    public void Configure(EntityTypeBuilder<LoginFailureRecord> e)
    {
        e.ToTable("login_failures");
        e.HasKey(x => new { x.PartitionKey, x.WindowNumber });
        e.Property(x => x.PartitionKey).HasMaxLength(320).HasColumnName("partition_key");
        e.Property(x => x.WindowNumber).HasColumnName("window_number");
        e.Property(x => x.Failures).HasColumnName("failures");
    }
}
