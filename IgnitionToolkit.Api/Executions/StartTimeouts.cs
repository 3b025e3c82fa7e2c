using System.Globalization;
using System.Text.Json;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Executions;

/// <summary>
/// The <c>timeout_overrides</c> of a start request (<see cref="TimeoutOverrideNames"/>: seconds for gateway restarts and
/// module installs): checked here, stored with the execution (JSON), sent to the Runner with <c>StartExecution</c>,
/// and applied by the engine to the steps that follow them and write no <c>timeout</c>.
/// </summary>
public static class StartTimeouts
{
    public static IReadOnlyList<DiagnosticDto> Check(IReadOnlyDictionary<string, double>? overrides, string file)
    {
        var errors = new List<DiagnosticDto>();
        foreach (var (name, seconds) in overrides ?? new Dictionary<string, double>())
        {
            if (!TimeoutOverrideNames.Names.Contains(name))
                errors.Add(new DiagnosticDto("error", file, 0, 0, $"timeout_overrides.{name}",
                    $"unknown timeout override '{name}'; known: {string.Join(", ", TimeoutOverrideNames.Names)}"));
            else if (double.IsNaN(seconds) || seconds <= 0 || seconds > TimeoutOverrideNames.MaxSeconds)
                errors.Add(new DiagnosticDto("error", file, 0, 0, $"timeout_overrides.{name}",
                    string.Create(CultureInfo.InvariantCulture, $"timeout_overrides.{name} must be between 1 and {TimeoutOverrideNames.MaxSeconds} seconds, got {seconds}")));
        }
        return errors;
    }

    /// <summary>The overrides to keep (null when none), as stored in <c>executions.timeout_overrides_json</c>.</summary>
    public static string? ToJson(IReadOnlyDictionary<string, double>? overrides) =>
        overrides is not { Count: > 0 } ? null : JsonSerializer.Serialize(overrides.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary());

    public static IReadOnlyDictionary<string, double>? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(json);
}
