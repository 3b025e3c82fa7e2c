namespace IgnitionToolkit.Core.Plugins;

/// <summary>Engine services available to steps.</summary>
public interface IStepHost
{
    bool DebugMode { get; }
    /// <summary>Nesting depth of the current playbook (0 for the top level).</summary>
    int Depth { get; }
    /// <summary>Path of the playbook file being run (for resolving relative nested playbook paths).</summary>
    string PlaybookPath { get; }
    /// <summary>Runs a nested playbook; its steps are reported under the calling step's path.</summary>
    Task<StepResult> RunNestedPlaybookAsync(string playbookPath, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);
    /// <summary>Requests a pause at this point (debug.breakpoint uses it; it has effect only in debug mode).</summary>
    void RequestBreakpoint(string? message);
}
