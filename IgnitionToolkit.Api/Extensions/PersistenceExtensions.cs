using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Configuration;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Extensions;

/// <summary>Chooses the database: PostgreSQL when the <c>toolkitdb</c> connection string is set, else a SQLite file
/// <c>&lt;data&gt;/toolkit.db</c>. Code depends on <see cref="ToolkitDbContext"/> either way.</summary>
public static class PersistenceExtensions
{
    public const string ConnectionStringName = "toolkitdb";

    public static bool UsesPostgres(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    public static WebApplicationBuilder AddToolkitPersistence(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.UsesPostgres())
        {
            builder.AddNpgsqlDbContext<PostgresToolkitDbContext>(ConnectionStringName);
            builder.Services.AddScoped<ToolkitDbContext>(sp => sp.GetRequiredService<PostgresToolkitDbContext>());
        }
        else
        {
            // Pooled, as the PostgreSQL context is (Aspire's AddNpgsqlDbContext): a fresh context per request set up
            // its internal services again, a fifth of a POST /executions' own CPU (docs/performance.md).
            builder.Services.AddDbContextPool<SqliteToolkitDbContext>((sp, options) =>
                options.UseSqlite(SqliteConnectionString(sp.GetRequiredService<ToolkitPaths>()))
                    .AddInterceptors(new SqliteBusyTimeout()));
            builder.Services.AddScoped<ToolkitDbContext>(sp => sp.GetRequiredService<SqliteToolkitDbContext>());
            builder.Services.AddHealthChecks().AddDbContextCheck<SqliteToolkitDbContext>("database", tags: ["ready"]);
        }
        builder.Services.AddSingleton<DatabaseMigrator>();
        // Registered before the bus and the monitor so the schema exists before they start.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        return builder;
    }

    public static string SqliteConnectionString(ToolkitPaths paths)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        return $"Data Source={Path.Combine(paths.DataDirectory, "toolkit.db")};Default Timeout={SqliteBusyTimeout.Seconds}";
    }
}
