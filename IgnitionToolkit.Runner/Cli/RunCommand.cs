using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Runner.Playbooks;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Runner.Cli;

/// <summary><c>run &lt;playbook.yaml&gt; [--param key=value ...] [--param-file params.json] [--debug-off]</c>:
/// runs a playbook in this process (no broker, no API, no database).</summary>
public sealed class RunCommand(IServiceProvider services, TextWriter output, TextWriter error)
{
    public async Task<int> ExecuteAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count != 1)
        {
            await error.WriteLineAsync("error: run needs exactly one playbook file (see --help)");
            return CliApp.InvalidInput;
        }
        var path = arguments.Positional[0];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"{path}: error: file not found");
            return CliApp.InvalidInput;
        }

        var display = PlaybookFiles.Display(path);
        var paths = services.GetRequiredService<ToolkitPaths>();
        var library = paths.PlaybooksDirectory;
        var source = FirstMatchPlaybookSource.ForFile(path, library);
        var loaded = services.GetRequiredService<IPlaybookLoader>().Load(await File.ReadAllTextAsync(path, cancellationToken), display, source);
        foreach (var diagnostic in loaded.Diagnostics) await error.WriteLineAsync(diagnostic.ToString());
        if (!loaded.IsValid || loaded.Playbook is null) return CliApp.InvalidInput;

        var problems = new List<string>();
        var parameters = CliParameters.Bind(loaded.Playbook, arguments.Params, arguments.ParamFile, problems);
        foreach (var problem in problems) await error.WriteLineAsync($"error: {problem}");
        if (problems.Count > 0) return CliApp.InvalidInput;

        var executionId = Guid.NewGuid();
        var request = new ExecutionRequest(executionId, loaded.Playbook, parameters, DebugMode: false)
        {
            ArtifactDirectory = Path.Combine(paths.ArtifactsDirectory, executionId.ToString()),
            PlaybookSource = source,
        };
        var observer = new ConsoleProgressObserver(output);
        var running = services.GetRequiredService<IPlaybookEngine>().Start(request, observer, cancellationToken);
        await using var onCancel = cancellationToken.Register(() => Cancel(running.Control));

        ExecutionStatus status;
        try
        {
            status = await running.Completion;
        }
        catch (OperationCanceledException)
        {
            status = ExecutionStatus.Cancelled;
        }

        await PrintSummaryAsync(observer, status);
        return status == ExecutionStatus.Completed ? CliApp.Success : CliApp.Failure;
    }

    private void Cancel(IExecutionControl control)
    {
        error.WriteLine("cancelling...");
        try
        {
            control.Send(ExecutionCommand.Cancel);
        }
        catch (InvalidOperationException)
        {
            // Already finished.
        }
    }

    private async Task PrintSummaryAsync(ConsoleProgressObserver observer, ExecutionStatus status)
    {
        var counts = observer.StepCounts;
        int Count(StepStatus s) => counts.TryGetValue(s, out var n) ? n : 0;
        var duration = observer.Finished is { } finished ? $" in {ConsoleProgressObserver.Seconds(finished.Duration)}" : "";
        await output.WriteLineAsync(
            $"Execution {status.ToWire()}{duration}: {Count(StepStatus.Completed)} completed, {Count(StepStatus.Failed)} failed, {Count(StepStatus.Skipped)} skipped");
        if (observer.Finished?.Error is { } message) await output.WriteLineAsync($"error: {message}");
    }
}
