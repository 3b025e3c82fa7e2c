namespace IgnitionToolkit.Cli.CommandLine;

/// <summary>How progress is printed: <see cref="Plain"/> lines (a terminal), <see cref="Timestamped"/> lines (CI logs,
/// output redirected), or <see cref="Json"/> (one event per line, <c>--json</c>).</summary>
public enum OutputStyle
{
    Plain,
    Timestamped,
    Json,
}

/// <summary>What every command works with: the toolkit's services (built on first use, so <c>--help</c> and the vault
/// commands start no plugin), the console's writers, standard input (passwords), and the default output style.</summary>
public sealed class CliContext(Func<IServiceProvider> services, TextWriter output, TextWriter error, TextReader input, OutputStyle style, bool interactive)
{
    private readonly Lazy<IServiceProvider> _services = new(services);

    public IServiceProvider Services => _services.Value;
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public TextReader Input { get; } = input;

    /// <summary>The style when <c>--json</c> is not given.</summary>
    public OutputStyle Style { get; } = style;

    /// <summary>True when a person types at a terminal (passwords are then asked without echo).</summary>
    public bool Interactive { get; } = interactive;

    public OutputStyle StyleFor(bool json) => json ? OutputStyle.Json : Style;

    /// <summary>True when the output is a terminal a live view may redraw (not redirected, <c>CI</c> not set).</summary>
    public bool LiveTerminal { get; init; }

    /// <summary>The live step view for a run printed in <paramref name="style"/>, or null: only at a live terminal in plain style.</summary>
    public Local.LiveStepView? LiveView(OutputStyle style) => LiveTerminal && style == OutputStyle.Plain ? new Local.LiveStepView(Output) : null;

    /// <summary>The folder of the remote commands' config file (<c>login</c>); default the user's config folder.</summary>
    public string ConfigDirectory { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "ignition-toolkit");

    /// <summary>Reads an environment variable (tests give their own).</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;
}
