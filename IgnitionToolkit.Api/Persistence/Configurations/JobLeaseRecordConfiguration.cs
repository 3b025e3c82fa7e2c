using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>job_leases</c>: which API instance runs a once-for-all background job, and until when.</summary>
internal sealed class JobLeaseRecordConfiguration : IEntityTypeConfiguration<JobLeaseRecord>
{
    public void Configure(EntityTypeBuilder<JobLeaseRecord> e)
    {
        e.ToTable("job_leases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Holder).HasMaxLength(256);
    }
}
