using IgnitionToolkit.Core.Execution;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>Reads the wire command of <c>ControlExecution</c>: Core's wire names of <see cref="ExecutionCommand"/>
/// (pause|resume|skip|skip_back|cancel), case-insensitive, with <c>skip-back</c> accepted too.</summary>
public static class ControlCommands
{
    private static readonly Dictionary<string, ExecutionCommand> ByWire =
        Enum.GetValues<ExecutionCommand>().ToDictionary(c => c.ToWire(), StringComparer.Ordinal);

    /// <summary>Wire name of the re-run command (<c>ControlExecution.StepPath</c> and <c>ParametersJson</c> say what to re-run).</summary>
    public const string Rerun = "rerun";

    public static bool IsRerun(string? command) => string.Equals((command ?? "").Trim(), Rerun, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? command, out ExecutionCommand result) =>
        ByWire.TryGetValue((command ?? "").Trim().ToLowerInvariant().Replace('-', '_'), out result);
}
