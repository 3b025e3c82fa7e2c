namespace IgnitionToolkit.Runner.Cli;

/// <summary>The command-line verbs of the Runner executable. Without a verb the executable runs as the hosted Runner.</summary>
public sealed class CliApp(IServiceProvider services, TextWriter output, TextWriter error)
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;

    private static readonly HashSet<string> Verbs = ["run", "validate", "migrate-playbooks", "help", "--help", "-h"];

    public static bool IsCliInvocation(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public const string Usage = """
        Usage: IgnitionToolkit.Runner <command> [options]
               IgnitionToolkit.Runner            (no command: run as the hosted Runner on RabbitMQ)

        Commands:
          run <playbook.yaml> [--param key=value ...] [--param-file params.json] [--debug-off]
                Run a playbook in this process (no broker, API or database). Values of --param are typed by the
                playbook's parameter declarations (integer, float, boolean, list and dict as JSON). Ctrl+C cancels.
                Exit code: 0 completed, 1 failed or cancelled, 2 invalid input.
          validate <files or folders...>
                Validate playbooks (folders recursively) and print every error and warning.
                Exit code: 0 no errors, 2 errors.
          migrate-playbooks <files or folders...> [--dry-run]
                Rewrite v2 playbooks to v3 (backup kept as .v2.bak); --dry-run only prints the changes.
          help, --help, -h
                Show this text.
        """;

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var verb = args.Length == 0 ? "help" : args[0];
        var arguments = CliArguments.Parse(args.Skip(1), out var problem);
        if (arguments is null)
        {
            await error.WriteLineAsync($"error: {problem}");
            await error.WriteLineAsync("Run with --help for usage.");
            return InvalidInput;
        }
        if (verb is "help" or "--help" or "-h" || arguments.Has("help"))
        {
            await output.WriteLineAsync(Usage);
            return Success;
        }

        try
        {
            return verb switch
            {
                "run" => await new RunCommand(services, output, error).ExecuteAsync(arguments, cancellationToken),
                "validate" => await new ValidateCommand(services, output).ExecuteAsync(arguments, cancellationToken),
                "migrate-playbooks" => await new MigrateCommand(services, output).ExecuteAsync(arguments, cancellationToken),
                _ => await UnknownAsync(verb),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled");
            return Failure;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
    }

    private async Task<int> UnknownAsync(string verb)
    {
        await error.WriteLineAsync($"error: unknown command '{verb}'. Run with --help for usage.");
        return InvalidInput;
    }
}
