using System.Reflection;
using System.Runtime.InteropServices;

namespace IgnitionToolkit.Api.Meta;

public sealed record VersionResponse(string Name, string Version, string InformationalVersion, string Runtime, string Database);

/// <summary><c>GET /api/v1/version</c>: the toolkit version (from the VERSION file, through the assembly attributes).</summary>
public static class VersionEndpoints
{
    public static RouteGroupBuilder MapVersionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/version", (IConfiguration configuration) =>
        {
            var assembly = typeof(VersionEndpoints).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "unknown";
            var version = informational.Split('+', 2)[0];
            var database = Extensions.PersistenceExtensions.UsesPostgres(configuration) ? "postgresql" : "sqlite";
            return TypedResults.Ok(new VersionResponse("Ignition Toolkit", version, informational,
                RuntimeInformation.FrameworkDescription, database));
        }).WithName("GetVersion").AllowAnonymous();
        return api;
    }
}
