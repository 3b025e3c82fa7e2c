using System.CommandLine;
using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Cli.Remote;

/// <summary><c>--wait</c>, <c>--json</c>, <c>--junit</c> and <c>--report</c> of the commands that start an execution on a
/// server from an earlier one (<c>executions resume</c>, <c>executions run-again</c>), with the same meaning as for
/// <c>run --server</c>.</summary>
public sealed class FollowOptions
{
    private readonly Option<bool> _wait = new("--wait") { Description = "Follow the new execution live and exit with its result (without it, print its id and exit)." };
    private readonly Option<bool> _json = LocalCommands.JsonOption();
    private readonly Option<string?> _junit = new("--junit") { Description = "With --wait: write the run's JUnit XML report to this file.", HelpName = "FILE" };
    private readonly Option<string?> _report = new("--report") { Description = "With --wait: write the run's HTML report to this file.", HelpName = "FILE" };

    public static FollowOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(_wait);
        command.Options.Add(_json);
        command.Options.Add(_junit);
        command.Options.Add(_report);
    }

    public RemoteRunOptions Options(CliContext context, ParseResult result) =>
        new("", [], null, null, result.GetValue(_wait), context.StyleFor(result.GetValue(_json)), result.GetValue(_junit), result.GetValue(_report));
}
