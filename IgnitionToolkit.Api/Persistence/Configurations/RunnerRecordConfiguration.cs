using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>runners</c>: Runner presence shared by every API instance.</summary>
internal sealed class RunnerRecordConfiguration : IEntityTypeConfiguration<RunnerRecord>
{
    public void Configure(EntityTypeBuilder<RunnerRecord> e)
    {
        e.ToTable("runners");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(256);
    }
}
