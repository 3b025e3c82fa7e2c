using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Engine services for one step: nested playbooks and breakpoints.</summary>
internal sealed class StepHost(ExecutionSession session, PlaybookFrame frame, string stepPath, NestedPlaybookRunner nested) : IStepHost
{
    public bool DebugMode => session.DebugMode;
    public int Depth => frame.Depth;
    public string PlaybookPath => frame.Playbook.SourcePath;

    public Task<StepResult> RunNestedPlaybookAsync(string playbookPath, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        nested.RunAsync(session, frame, stepPath, playbookPath, parameters, cancellationToken);

    public void RequestBreakpoint(string? message)
    {
        if (!session.DebugMode) return;
        _ = session.EmitAsync(new DebugPausedEvent(DateTimeOffset.UtcNow, stepPath, "breakpoint", message,
            new Dictionary<string, object?>(), new Dictionary<string, object?>(frame.Variables)));
        session.Controller.PauseAtNextBoundary();
    }
}

/// <summary>Runs <c>playbook.run</c> children: finds, parses, binds parameters and walks their steps under the calling step.</summary>
internal sealed class NestedPlaybookRunner(IPlaybookLoader? loader, Func<StepLoop> loop)
{
    public const int MaxDepth = 3;

    public async Task<StepResult> RunAsync(ExecutionSession session, PlaybookFrame parent, string stepPath, string reference,
        IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        if (parent.Depth + 1 > MaxDepth)
            return StepResult.Failed($"nested playbook '{reference}' exceeds the maximum depth of {MaxDepth}");
        var source = session.Request.PlaybookSource;
        if (source is null || loader is null)
            return StepResult.Failed("nested playbooks are not available in this execution (no playbook library)");
        var file = source.Find(reference, parent.Playbook.SourcePath);
        if (file is null) return StepResult.Failed($"nested playbook '{reference}' not found");
        if (IsOnStack(parent, file.Path))
            return StepResult.Failed($"nested playbook '{file.Path}' calls itself (cycle)");

        var loaded = loader.Load(file.Text, file.Path, source);
        if (!loaded.IsValid || loaded.Playbook is null)
            return StepResult.Failed($"nested playbook '{file.Path}' is invalid: {string.Join("; ", loaded.Errors.Take(5))}");

        var (values, errors) = PlaybookParameterBinder.Bind(loaded.Playbook, WithInherited(loaded.Playbook, parent, parameters));
        if (errors.Count > 0) return StepResult.Failed($"nested playbook '{file.Path}': {string.Join("; ", errors)}");

        cancellationToken.ThrowIfCancellationRequested();
        var child = new PlaybookFrame(loaded.Playbook, values, stepPath, parent.Depth + 1) { Caller = parent };
        session.Log(stepPath, "info", $"running nested playbook '{loaded.Playbook.Name}' ({file.Path})");
        var result = await loop().RunAsync(session, child);
        var outputs = new Dictionary<string, object?>
        {
            ["status"] = result.Failed ? "failed" : "completed",
            ["steps"] = (long)result.StepsRun,
            ["variables"] = new Dictionary<string, object?>(child.Variables),
        };
        return result.Failed ? StepResult.Failed(result.Error ?? "nested playbook failed", outputs) : StepResult.Completed(outputs);
    }

    /// <summary>A required child parameter without a default that the step does not pass is taken from the caller's
    /// parameter of that name, else its variable (validation accepts the same).</summary>
    private static Dictionary<string, object?> WithInherited(Playbook child, PlaybookFrame parent, IReadOnlyDictionary<string, object?> passed)
    {
        var supplied = new Dictionary<string, object?>(passed, StringComparer.Ordinal);
        foreach (var p in child.Parameters.Where(p => p.Required && p.Default is null && !supplied.ContainsKey(p.Name)))
        {
            if (parent.Parameters.TryGetValue(p.Name, out var value) && value is not null) supplied[p.Name] = value;
            else if (parent.Variables.TryGetValue(p.Name, out var variable)) supplied[p.Name] = variable;
        }
        return supplied;
    }

    private static bool IsOnStack(PlaybookFrame frame, string path)
    {
        for (var f = frame; f is not null; f = f.Caller)
            if (string.Equals(f.Playbook.SourcePath, path, StringComparison.Ordinal)) return true;
        return false;
    }
}
