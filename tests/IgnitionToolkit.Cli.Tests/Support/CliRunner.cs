using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Hosting.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Cli.Tests.Support;

/// <summary>Runs <c>ignition-toolkit</c> commands in-process with the real services (engine, step plugins, vault), the
/// data folder and playbook library under a temporary folder, and captured output.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly TextWriter _syncOut;
    private readonly TextWriter _syncErr;
    private readonly List<ServiceProvider> _providers = [];

    public CliRunner(OutputStyle style = OutputStyle.Plain)
    {
        Style = style;
        _syncOut = TextWriter.Synchronized(_out);
        _syncErr = TextWriter.Synchronized(_err);
    }

    public TempFolder Folder { get; } = new();
    public OutputStyle Style { get; set; }
    public string DataDirectory => Path.Combine(Folder.Path, "data");
    public string Library => Path.Combine(Folder.Path, "library");

    /// <summary>The folder of the remote commands' config file (never the user's own).</summary>
    public string ConfigDirectory => Path.Combine(Folder.Path, "config");

    /// <summary>True: the output plays a terminal that a live view may redraw.</summary>
    public bool LiveTerminal { get; set; }

    /// <summary>The environment variables the commands see (the process's own are not used).</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string Output
    {
        get
        {
            lock (_syncOut) return _out.ToString();
        }
    }

    public string Error
    {
        get
        {
            lock (_syncErr) return _err.ToString();
        }
    }

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, null, args);

    public Task<int> RunAsync(CancellationToken cancellationToken, string? stdin, params string[] args)
    {
        var context = new CliContext(Services, _syncOut, _syncErr, new StringReader(stdin ?? ""), Style, interactive: false)
        {
            ConfigDirectory = ConfigDirectory,
            LiveTerminal = LiveTerminal,
            Variable = name => Variables.GetValueOrDefault(name),
        };
        return ToolkitCommandLine.InvokeAsync(context, args, cancellationToken);
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Toolkit:DataDirectory"] = DataDirectory,
            ["Toolkit:PlaybooksDirectory"] = Library,
            ["Toolkit:PluginsDirectory"] = Path.Combine(DataDirectory, "plugins"),
        }).Build();
        var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddToolkitSteps(configuration, StepUse.Run)
            .BuildServiceProvider();
        lock (_providers) _providers.Add(provider);
        return provider;
    }

    public void Dispose()
    {
        foreach (var provider in _providers) provider.Dispose();
        Folder.Dispose();
    }
}
