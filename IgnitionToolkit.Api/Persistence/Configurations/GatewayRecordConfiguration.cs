using IgnitionToolkit.Api.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>gateways</c>: the inventory.</summary>
internal sealed class GatewayRecordConfiguration : IEntityTypeConfiguration<GatewayRecord>
{
    public void Configure(EntityTypeBuilder<GatewayRecord> e)
    {
        e.ToTable("gateways");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(GatewayRules.MaxName);
        e.Property(x => x.Url).HasMaxLength(GatewayRules.MaxUrl);
        e.Property(x => x.Description).HasMaxLength(1024);
        e.Property(x => x.TagsJson).HasMaxLength(4096);
        e.Property(x => x.CredentialName).HasMaxLength(128);
        e.HasIndex(x => x.Name).IsUnique();
    }
}
