using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Reports;
using IgnitionToolkit.Hosting.Playbooks;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Cli.Local;

/// <summary>What <c>run</c> was asked.</summary>
public sealed record RunOptions(
    string Playbook, IReadOnlyList<string> Params, string? ParamFile, OutputStyle Style, string? JUnit = null, string? Report = null, string? Credential = null);

/// <summary><c>run &lt;playbook.yaml&gt;</c>: runs a playbook in this process (no broker, no API, no database) with the
/// engine and step plugins of the hosted Runner.</summary>
public sealed class RunCommand(CliContext context)
{
    /// <summary>The settings of a host that registers none (the Runner's forwarded verbs): the vault's defaults.</summary>
    private static readonly IConfiguration EmptySettings = new ConfigurationBuilder().Build();

    public async Task<int> ExecuteAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var (output, error) = (context.Output, context.Error);
        var path = options.Playbook;
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"{path}: error: file not found");
            return ExitCodes.InvalidInput;
        }
        var services = context.Services;
        if (CliHost.InvalidSettings(services) is { } settingsProblem)
        {
            await error.WriteLineAsync($"error: the configuration is invalid:{Environment.NewLine}{settingsProblem}");
            return ExitCodes.InvalidInput;
        }

        var display = PlaybookFiles.Display(path);
        var paths = services.GetRequiredService<ToolkitPaths>();
        var source = FirstMatchPlaybookSource.ForFile(path, paths.PlaybooksDirectory);
        var loaded = services.GetRequiredService<IPlaybookLoader>().Load(await File.ReadAllTextAsync(path, cancellationToken), display, source);
        foreach (var diagnostic in loaded.Diagnostics) await error.WriteLineAsync(diagnostic.ToString());
        if (!loaded.IsValid || loaded.Playbook is null) return ExitCodes.InvalidInput;

        var problems = new List<string>();
        var credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var vault = new LocalCredentials(new Vault.LocalVault(services.GetService<IConfiguration>() ?? EmptySettings, paths), // read only with --credential
            services.GetService<CredentialBinders>() ?? CredentialBinders.None);
        var parameters = CliParameters.Bind(loaded.Playbook, options.Params, options.ParamFile, problems, given =>
        {
            var prepared = vault.Prepare(loaded.Playbook, options.Credential, given, problems);
            credentials = prepared.Credentials;
            return prepared.Filled;
        });
        foreach (var problem in problems) await error.WriteLineAsync($"error: {problem}");
        if (problems.Count > 0) return ExitCodes.InvalidInput;

        var executionId = Guid.NewGuid();
        var request = new ExecutionRequest(executionId, loaded.Playbook, parameters, DebugMode: false)
        {
            ArtifactDirectory = Path.Combine(paths.ArtifactsDirectory, executionId.ToString()),
            PlaybookSource = source,
            Credentials = credentials, // masked by the engine in every event
        };
        var live = context.LiveView(options.Style);
        var observer = new ConsoleProgressObserver(output, options.Style, live);
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
        if (live is not null) await live.DisposeAsync();

        if (options.Style != OutputStyle.Json) await PrintSummaryAsync(observer, status);
        await WriteReportsAsync(options, ReportModel.From(observer.Events, loaded.Playbook.Name));
        return ExitCodeOf(status);
    }

    /// <summary>Writes <c>--junit</c> and <c>--report</c>; a report that cannot be written is reported, the run's result stays.</summary>
    private async Task WriteReportsAsync(RunOptions options, ReportModel report)
    {
        try
        {
            if (options.JUnit is { } junit) JUnitReportWriter.Write(report, junit);
            if (options.Report is { } html) HtmlReportWriter.Write(report, html, HtmlReportWriter.ReadFromDisk);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: the report could not be written: {ex.Message}");
        }
    }

    public static int ExitCodeOf(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Completed => ExitCodes.Success,
        ExecutionStatus.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.Failed,
    };

    private void Cancel(IExecutionControl control)
    {
        context.Error.WriteLine("cancelling...");
        try
        {
            control.Send(ExecutionCommand.Cancel);
        }
        catch (InvalidOperationException)
        {
            // Already finished.
        }
    }

    /// <summary>The last line of a run: status, duration, step counts, and the execution's error.</summary>
    public static async Task PrintSummaryAsync(ConsoleProgressObserver observer, ExecutionStatus status)
    {
        var counts = observer.StepCounts;
        int Count(StepStatus s) => counts.TryGetValue(s, out var n) ? n : 0;
        var duration = observer.Finished is { } finished ? $" in {ConsoleProgressObserver.Seconds(finished.Duration)}" : "";
        await observer.WriteLineAsync(
            $"Execution {status.ToWire()}{duration}: {Count(StepStatus.Completed)} completed, {Count(StepStatus.Failed)} failed, {Count(StepStatus.Skipped)} skipped");
        if (observer.Finished?.Error is { } message) await observer.WriteLineAsync($"error: {message}");
    }
}
