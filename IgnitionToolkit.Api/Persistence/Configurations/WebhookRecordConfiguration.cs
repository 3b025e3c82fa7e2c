using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>webhooks</c>: outgoing notification targets, unique by name; the URL and secret are sealed in
/// <c>SecretEnvelope</c>.</summary>
internal sealed class WebhookRecordConfiguration : IEntityTypeConfiguration<WebhookRecord>
{
    public void Configure(EntityTypeBuilder<WebhookRecord> e)
    {
        e.ToTable("webhooks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(128);
        e.Property(x => x.UrlDisplay).HasMaxLength(512);
        e.Property(x => x.Preset).HasMaxLength(16);
        e.Property(x => x.Kinds).HasMaxLength(512);
        e.Property(x => x.PlaybookPattern).HasMaxLength(512);
        e.Property(x => x.Domain).HasMaxLength(128);
        e.Property(x => x.Group).HasMaxLength(128);
        e.Property(x => x.Tag).HasMaxLength(128);
        e.Property(x => x.KeyId).HasMaxLength(64);
        e.HasIndex(x => x.Name).IsUnique();
    }
}
