using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Runner.Cli;

/// <summary>The Runner executable's legacy verbs (<c>run</c>, <c>validate</c>, <c>migrate-playbooks</c>, <c>help</c>),
/// forwarded to the <c>ignition-toolkit</c> command tree (<see cref="ToolkitCommandLine"/>), which owns them. Without a
/// verb the executable runs as the hosted Runner.</summary>
public sealed class CliApp(IServiceProvider services, TextWriter output, TextWriter error)
{
    private static readonly HashSet<string> Verbs = ["run", "validate", "migrate-playbooks", "help", "--help", "-h"];

    public static bool IsCliInvocation(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>Runs <paramref name="args"/> with <paramref name="services"/>, plain (untimestamped) lines.</summary>
    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var forwarded = args.Length > 0 && args[0] == "help" ? ["--help", .. args[1..]] : args;
        var context = new CliContext(() => services, output, error, TextReader.Null, OutputStyle.Plain, interactive: false);
        return ToolkitCommandLine.InvokeAsync(context, forwarded, cancellationToken);
    }
}
