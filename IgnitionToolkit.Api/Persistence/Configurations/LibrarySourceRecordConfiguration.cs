using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IgnitionToolkit.Api.Persistence.Configurations;

/// <summary>Table <c>library_sources</c>: the git repositories the playbook library follows.</summary>
internal sealed class LibrarySourceRecordConfiguration : IEntityTypeConfiguration<LibrarySourceRecord>
{
    public void Configure(EntityTypeBuilder<LibrarySourceRecord> e)
    {
        e.ToTable("library_sources");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(64);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Url).HasMaxLength(2048);
        e.Property(x => x.Branch).HasMaxLength(255);
        e.Property(x => x.SubFolder).HasMaxLength(1024);
        e.Property(x => x.CredentialName).HasMaxLength(128);
        e.Property(x => x.PulledCommit).HasMaxLength(64);
        e.Property(x => x.LastError).HasMaxLength(2048);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
    }
}
