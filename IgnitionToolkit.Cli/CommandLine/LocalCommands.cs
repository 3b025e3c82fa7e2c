using System.CommandLine;
using IgnitionToolkit.Cli.Local;
using IgnitionToolkit.Cli.Remote;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>run</c> (here, or on a server with <c>--server</c>/<c>--wait</c>), <c>validate</c>, <c>migrate-playbooks</c>.</summary>
public static class LocalCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Run(context);
        yield return Validate(context);
        yield return Migrate(context);
    }

    private static Command Run(CliContext context)
    {
        var playbook = new Argument<string>("playbook") { Description = "The playbook file (.yaml) to run; on a server, its path in the server's library." };
        var param = new Option<string[]>("--param", "-p")
        {
            Description = "A parameter as key=value (repeatable), typed by the playbook's declaration (list and dict as JSON).",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "key=value",
        };
        var paramFile = new Option<string?>("--param-file") { Description = "Parameters as one JSON object; --param wins.", HelpName = "params.json" };
        var debugOff = new Option<bool>("--debug-off") { Description = "Accepted for clarity: command-line runs never pause in debug mode." };
        var json = JsonOption();
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report (one test case per step, nested playbooks as nested suites) to this file.", HelpName = "FILE" };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report (failure first, screenshots inlined) to this file.", HelpName = "FILE" };
        var server = new ServerOptions();
        var remote = new Option<bool>("--remote") { Description = $"Run on the server of ${ServerOptions.ServerVariable} or 'login' (implied by --server and --wait)." };
        var wait = new Option<bool>("--wait") { Description = "On a server: follow the run live and exit with its result (without it, print the execution's id and exit)." };
        var credential = new Option<string?>("--credential")
        {
            Description = "A vault credential that fills the gateway URL, user name and password parameters not given: of the local vault ('credential add'), or of the server's on a server.",
            HelpName = "NAME",
        };
        var command = new Command("run", "Run a playbook in this process (no server, broker or database), or on a server with --server/--wait. Ctrl+C cancels.")
        {
            playbook, param, paramFile, debugOff, json, junit, report, remote, wait, credential,
        };
        server.AddTo(command);
        command.SetAction(async (result, token) =>
        {
            if (server.Given(result) || result.GetValue(remote) || result.GetValue(wait))
            {
                var options = new RemoteRunOptions(result.GetRequiredValue(playbook), result.GetValue(param) ?? [], result.GetValue(paramFile),
                    result.GetValue(credential), result.GetValue(wait), context.StyleFor(result.GetValue(json)), result.GetValue(junit), result.GetValue(report));
                return await RemoteAction.RunAsync(context, result, server, api => new RemoteRunCommand(context).ExecuteAsync(api, options, token));
            }
            return await new RunCommand(context).ExecuteAsync(new RunOptions(
                result.GetRequiredValue(playbook),
                result.GetValue(param) ?? [],
                result.GetValue(paramFile),
                context.StyleFor(result.GetValue(json)),
                result.GetValue(junit),
                result.GetValue(report),
                result.GetValue(credential)), token);
        });
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Playbook files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Validate playbooks and print every error and warning.") { paths };
        command.SetAction((result, token) => new ValidateCommand(context).ExecuteAsync(result.GetRequiredValue(paths), token));
        return command;
    }

    private static Command Migrate(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Playbook files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only print the changes; write nothing." };
        var command = new Command("migrate-playbooks", "Rewrite v2 playbooks to v3, keeping each previous file as <file>.v2.bak.") { paths, dryRun };
        command.SetAction((result, token) => new MigrateCommand(context).ExecuteAsync(result.GetRequiredValue(paths), result.GetValue(dryRun), token));
        return command;
    }

    public static Option<bool> JsonOption() => new("--json") { Description = "Print machine-readable JSON (one object per line) instead of text." };
}
