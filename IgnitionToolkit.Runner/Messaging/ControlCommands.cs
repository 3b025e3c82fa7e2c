using IgnitionToolkit.Core.Execution;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>Reads the wire command of <c>ControlExecution</c>: Core's wire names of <see cref="ExecutionCommand"/>
/// (pause|resume|skip|skip_back|cancel), case-insensitive, with <c>skip-back</c> accepted too.</summary>
public static class ControlCommands
{
    private static readonly Dictionary<string, ExecutionCommand> ByWire =
        Enum.GetValues<ExecutionCommand>().ToDictionary(c => c.ToWire(), StringComparer.Ordinal);

    public static bool TryParse(string? command, out ExecutionCommand result) =>
        ByWire.TryGetValue((command ?? "").Trim().ToLowerInvariant().Replace('-', '_'), out result);
}
