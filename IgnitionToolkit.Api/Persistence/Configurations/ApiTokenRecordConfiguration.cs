using IgnitionToolkit.Api.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>api_tokens</c>: unique by name and by the secret's SHA-256 (the lookup of every token request).</summary>
internal sealed class ApiTokenRecordConfiguration : IEntityTypeConfiguration<ApiTokenRecord>
{
    public void Configure(EntityTypeBuilder<ApiTokenRecord> e)
    {
        e.ToTable("api_tokens");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(ApiTokenStore.MaxName);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.SecretHash).HasMaxLength(64);
        e.Property(x => x.Hint).HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.RevokedBy).HasMaxLength(256);
        e.HasIndex(x => x.Name).IsUnique();
        e.HasIndex(x => x.SecretHash).IsUnique();
    }
}
