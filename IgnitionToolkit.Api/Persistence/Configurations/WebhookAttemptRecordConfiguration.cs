using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>webhook_attempts</c>: each HTTP attempt of a delivery (status code or error, duration), deleted
/// with its delivery.</summary>
internal sealed class WebhookAttemptRecordConfiguration : IEntityTypeConfiguration<WebhookAttemptRecord>
{
    public void Configure(EntityTypeBuilder<WebhookAttemptRecord> e)
    {
        e.ToTable("webhook_attempts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Error).HasMaxLength(1024);
        e.HasIndex(x => new { x.DeliveryId, x.Number });
        e.HasOne<WebhookDeliveryRecord>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
