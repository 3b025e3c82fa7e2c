using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>audit</c>: the audit trail, indexed for the filters of <c>GET /api/v1/audit</c>.</summary>
internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> e)
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
    }
}
