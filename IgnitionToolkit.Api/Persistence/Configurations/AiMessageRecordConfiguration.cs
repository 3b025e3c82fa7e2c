using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>ai_messages</c>: the AI conversation of each execution, removed with it.</summary>
public sealed class AiMessageRecordConfiguration : IEntityTypeConfiguration<AiMessageRecord>
{
    public void Configure(EntityTypeBuilder<AiMessageRecord> e)
    {
        e.ToTable("ai_messages");
        e.HasKey(x => x.Id);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.StepPath).HasMaxLength(1024);
        e.Property(x => x.UserName).HasMaxLength(64);
        e.Property(x => x.Model).HasMaxLength(256);
        e.Property(x => x.EstimatedCost).HasPrecision(18, 6);
        e.HasIndex(x => new { x.ExecutionId, x.Id });
        e.HasOne<ExecutionRecord>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
