using IgnitionToolkit.Api.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>triggers</c>: unique by name; the secret is sealed in <c>SecretEnvelope</c>.</summary>
internal sealed class TriggerRecordConfiguration : IEntityTypeConfiguration<TriggerRecord>
{
    public void Configure(EntityTypeBuilder<TriggerRecord> e)
    {
        e.ToTable("triggers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(TriggerStore.MaxName);
        e.Property(x => x.PlaybookPath).HasMaxLength(1024);
        e.Property(x => x.CredentialName).HasMaxLength(128);
        e.Property(x => x.KeyId).HasMaxLength(64);
        e.Property(x => x.Hint).HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasIndex(x => x.Name).IsUnique();
    }
}
