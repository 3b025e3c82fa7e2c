using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>SQLite flavour (default): a file in the data folder. Migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteToolkitDbContext(DbContextOptions<SqliteToolkitDbContext> options) : ToolkitDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values; all times are UTC, stored as sortable integers.
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
