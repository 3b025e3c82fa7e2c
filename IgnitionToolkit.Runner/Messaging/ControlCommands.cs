using IgnitionToolkit.Core.Execution;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>Maps the wire command of <c>ControlExecution</c> (pause|resume|skip|skip_back|cancel, <c>skip-back</c> too).</summary>
public static class ControlCommands
{
    public static bool TryParse(string? command, out ExecutionCommand result)
    {
        var normalized = (command ?? "").Trim().ToLowerInvariant().Replace('-', '_');
        (var ok, result) = normalized switch
        {
            "pause" => (true, ExecutionCommand.Pause),
            "resume" => (true, ExecutionCommand.Resume),
            "skip" => (true, ExecutionCommand.Skip),
            "skip_back" => (true, ExecutionCommand.SkipBack),
            "cancel" => (true, ExecutionCommand.Cancel),
            _ => (false, default(ExecutionCommand)),
        };
        return ok;
    }
}
