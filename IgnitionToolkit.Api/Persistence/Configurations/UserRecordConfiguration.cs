using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>users</c>: local accounts, unique by user name.</summary>
internal sealed class UserRecordConfiguration : IEntityTypeConfiguration<UserRecord>
{
    public void Configure(EntityTypeBuilder<UserRecord> e)
    {
        e.ToTable("users");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserName).HasMaxLength(64);
        e.Property(x => x.PasswordHash).HasMaxLength(512);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.SecurityStamp).HasMaxLength(64);
        e.HasIndex(x => x.UserName).IsUnique();
    }
}
