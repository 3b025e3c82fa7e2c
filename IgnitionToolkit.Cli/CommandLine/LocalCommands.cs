using System.CommandLine;
using IgnitionToolkit.Cli.Local;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary>The commands that work without a server: <c>run</c>, <c>validate</c>, <c>migrate-playbooks</c>.</summary>
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
        var playbook = new Argument<string>("playbook") { Description = "The playbook file (.yaml) to run." };
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
        var command = new Command("run", "Run a playbook in this process (no server, broker or database). Ctrl+C cancels.")
        {
            playbook, param, paramFile, debugOff, json, junit, report,
        };
        command.SetAction((result, token) => new RunCommand(context).ExecuteAsync(new RunOptions(
            result.GetRequiredValue(playbook),
            result.GetValue(param) ?? [],
            result.GetValue(paramFile),
            context.StyleFor(result.GetValue(json)),
            result.GetValue(junit),
            result.GetValue(report)), token));
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
