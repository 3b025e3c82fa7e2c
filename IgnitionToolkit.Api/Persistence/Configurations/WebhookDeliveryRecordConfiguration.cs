using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>webhook_deliveries</c>: the outbox of notifications, one row per webhook and event (unique dedup
/// key), claimed by one sender at a time; deleted with its webhook.</summary>
internal sealed class WebhookDeliveryRecordConfiguration : IEntityTypeConfiguration<WebhookDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> e)
    {
        e.ToTable("webhook_deliveries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.DedupKey).HasMaxLength(256);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.LastError).HasMaxLength(1024);
        e.Property(x => x.ClaimedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.WebhookId, x.DedupKey }).IsUnique();
        e.HasIndex(x => new { x.WebhookId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.ClaimedUntilMs });
        e.HasIndex(x => x.CreatedAt);
        e.HasOne<WebhookRecord>().WithMany().HasForeignKey(x => x.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}
