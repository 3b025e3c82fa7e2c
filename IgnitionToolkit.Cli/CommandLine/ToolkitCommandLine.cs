using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary>The command tree of <c>ignition-toolkit</c> (System.CommandLine): help for every command and option, shell
/// completion (<c>[suggest]</c> directive), and the documented <see cref="ExitCodes"/> (a parse error is
/// <see cref="ExitCodes.InvalidInput"/>). The hosted Runner's legacy verbs are forwarded here too.</summary>
public static class ToolkitCommandLine
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Ignition Toolkit command line: run and check playbooks here or on a server, write JUnit and HTML reports, manage credentials.");
        foreach (var command in LocalCommands.Create(context)) root.Subcommands.Add(command);
        foreach (var command in SetupCommands.Create(context)) root.Subcommands.Add(command);
        root.Subcommands.Add(CredentialCommands.Create(context));
        foreach (var command in LoginCommands.Create(context)) root.Subcommands.Add(command);
        root.Subcommands.Add(PlaybookCommands.Create(context));
        root.Subcommands.Add(ExecutionCommands.Create(context));
        root.Subcommands.Add(ScheduleCommands.Create(context));
        root.Subcommands.Add(FleetCommands.Create(context));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns an <see cref="ExitCodes"/> value.</summary>
    public static async Task<int> InvokeAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = Build(context).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            ProcessTerminationTimeout = null, // CliHost owns Ctrl+C and SIGTERM (cancel, then a second Ctrl+C ends)
        };
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var problem in parsed.Errors) await context.Error.WriteLineAsync($"error: {problem.Message}");
            await context.Error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.InvalidInput;
        }
        if (parsed.Action is HelpAction) return await parsed.InvokeAsync(configuration, cancellationToken);
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
    }
}
