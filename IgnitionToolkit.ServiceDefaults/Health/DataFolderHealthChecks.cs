using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.ServiceDefaults.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.ServiceDefaults.Health;

/// <summary><c>disk</c>: free space on the data folder's drive; <c>Degraded</c> under <c>Toolkit:Health:MinimumFreeDiskMB</c>.</summary>
public sealed class DiskSpaceHealthCheck(ToolkitPaths paths, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            Directory.CreateDirectory(paths.DataDirectory);
            var drive = new DriveInfo(Path.GetPathRoot(paths.DataDirectory) ?? "/");
            var freeMb = drive.AvailableFreeSpace / (1024 * 1024);
            var minimum = options.Value.MinimumFreeDiskMB;
            var data = new Dictionary<string, object> { ["path"] = paths.DataDirectory, ["free_mb"] = freeMb, ["minimum_free_mb"] = minimum };
            var description = $"{freeMb} MB free for {paths.DataDirectory} (minimum {minimum} MB)";
            return Task.FromResult(freeMb < minimum
                ? new HealthCheckResult(HealthStatus.Degraded, description, data: data)
                : HealthCheckResult.Healthy(description, data));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"cannot read the free space of {paths.DataDirectory}: {ex.Message}"));
        }
    }
}

/// <summary><c>data_folder</c>: the data folder exists and a file can be written to it.</summary>
public sealed class DataFolderWritableHealthCheck(ToolkitPaths paths) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(paths.DataDirectory, $".health-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(paths.DataDirectory);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy($"{paths.DataDirectory} is writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{paths.DataDirectory} is not writable: {ex.Message}");
        }
    }
}
