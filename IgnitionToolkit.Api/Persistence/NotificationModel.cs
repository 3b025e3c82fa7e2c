using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>The tables of outgoing notifications: webhooks, their deliveries and each delivery's attempts.</summary>
internal static class NotificationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookRecord>(e =>
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
        });
        modelBuilder.Entity<WebhookDeliveryRecord>(e =>
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
        });
        modelBuilder.Entity<WebhookAttemptRecord>(e =>
        {
            e.ToTable("webhook_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Error).HasMaxLength(1024);
            e.HasIndex(x => new { x.DeliveryId, x.Number });
            e.HasOne<WebhookDeliveryRecord>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
