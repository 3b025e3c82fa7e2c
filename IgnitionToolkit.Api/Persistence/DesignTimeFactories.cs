using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>Lets <c>dotnet tool run dotnet-ef migrations add X --context SqliteToolkitDbContext --output-dir Persistence/Migrations/Sqlite</c> work without the app's configuration.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteToolkitDbContext>
{
    public SqliteToolkitDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteToolkitDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Design-time factory of the PostgreSQL context (no connection is opened to add a migration).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresToolkitDbContext>
{
    public PostgresToolkitDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresToolkitDbContext>().UseNpgsql("Host=localhost;Database=toolkit").Options);
}
