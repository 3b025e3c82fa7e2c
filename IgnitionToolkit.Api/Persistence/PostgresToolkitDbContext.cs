using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>PostgreSQL flavour, used when the <c>toolkitdb</c> connection string is set. Migrations in <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresToolkitDbContext(DbContextOptions<PostgresToolkitDbContext> options) : ToolkitDbContext(options);
