using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>credentials</c>: the vault's entries, unique by name.</summary>
internal sealed class CredentialRecordConfiguration : IEntityTypeConfiguration<CredentialRecord>
{
    public void Configure(EntityTypeBuilder<CredentialRecord> e)
    {
        e.ToTable("credentials");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(128);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Description).HasMaxLength(1024);
        e.Property(x => x.FieldNames).HasMaxLength(256);
        e.Property(x => x.KeyId).HasMaxLength(64);
        e.HasIndex(x => x.Name).IsUnique();
    }
}
