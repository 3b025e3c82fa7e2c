using IgnitionToolkit.ServiceDefaults.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Ops.Tests;

/// <summary>The log files of a service: main file with every line, a separate error file, JSON in Production.</summary>
[Trait("Category", "Unit")]
public sealed class LogFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-ops-logs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string environment, Action<ILogger> log)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ApplicationName = "IgnitionToolkit.Api" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Toolkit:Logging:Directory"] = _directory, ["Toolkit:Logging:Console"] = "false" });
        builder.Logging.ClearProviders();
        builder.AddToolkitLogging();
        using (var host = builder.Build())
            log(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ops.Test"));
    }

    [Fact]
    public void Errors_also_go_to_their_own_file_and_execution_lines_carry_the_id()
    {
        var id = Guid.NewGuid();
        Write("Development", logger =>
        {
            logger.LogInformation("plain line");
            using (logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = id }))
                logger.LogError("step failed with password {Password}", "pw-secret-1");
        });
        var main = File.ReadAllText(Path.Combine(_directory, "api.log"));
        var errors = File.ReadAllText(Path.Combine(_directory, "api-errors.log"));
        Assert.Contains("plain line", main);
        Assert.Contains($"[exec {id}]: step failed with password ***", main);
        Assert.DoesNotContain("plain line", errors);
        Assert.Contains("step failed", errors);
        Assert.DoesNotContain("pw-secret-1", main + errors);
    }

    [Fact]
    public void Production_writes_compact_json_with_the_execution_id_property()
    {
        var id = Guid.NewGuid();
        Write("Production", logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = id }))
                logger.LogInformation("json line");
        });
        var line = File.ReadAllLines(Path.Combine(_directory, "api.log")).Single(l => l.Contains("json line", StringComparison.Ordinal));
        var json = System.Text.Json.JsonDocument.Parse(line).RootElement;
        Assert.Equal(id.ToString(), json.GetProperty("ExecutionId").GetString());
        Assert.True(json.TryGetProperty("@t", out _));
    }
}
