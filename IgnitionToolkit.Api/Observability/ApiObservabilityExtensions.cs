using IgnitionToolkit.Api.Extensions;
using IgnitionToolkit.Api.Persistence;

namespace IgnitionToolkit.Api.Observability;

/// <summary>The API's metrics sampler and its <c>database</c> health entry for PostgreSQL (SQLite registers its own).</summary>
public static class ApiObservabilityExtensions
{
    public static WebApplicationBuilder AddApiObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ExecutionGaugeSampler>();
        if (builder.Configuration.UsesPostgres())
            builder.Services.AddHealthChecks().AddDbContextCheck<PostgresToolkitDbContext>("database", tags: ["ready"]);
        return builder;
    }
}
