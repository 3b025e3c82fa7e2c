using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>playbook_verifications</c>: who verified which text (path + SHA-256) of a playbook, and when.</summary>
internal sealed class PlaybookVerificationRecordConfiguration : IEntityTypeConfiguration<PlaybookVerificationRecord>
{
    public void Configure(EntityTypeBuilder<PlaybookVerificationRecord> e)
    {
        e.ToTable("playbook_verifications");
        e.HasKey(x => new { x.Path, x.ContentHash });
        e.Property(x => x.Path).HasMaxLength(1024);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.VerifiedBy).HasMaxLength(64);
    }
}
