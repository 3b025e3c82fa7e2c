using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Runner.Cli;
using IgnitionToolkit.Runner.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Runner.Tests.Cli;

/// <summary>`--param` and `--param-file` values reach the engine typed by the playbook's declarations.</summary>
[Trait("Category", "Unit")]
public sealed class CliParameterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;
    private readonly SyncStringWriter _out = new();
    private readonly SyncStringWriter _err = new();

    public CliParameterTests() => _services = ToolkitServices.CliProvider(_folder.Path);

    private Task<int> Run(params string[] args) => new CliApp(_services, _out, _err).RunAsync(args, CancellationToken.None);

    private IReadOnlyDictionary<string, object?> SentParameters() =>
        Assert.Single(_services.GetRequiredService<RecordingPlaybookEngine>().Requests).Parameters;

    [Fact]
    public async Task Values_are_typed_by_declaration_and_defaults_filled()
    {
        var file = _folder.Write("typed.yaml", TestPlaybooks.Typed);

        var code = await Run("run", file, "--param", "count=5", "--param", "ratio=0.5", "--param=enabled=yes",
            "--param", "items=[1, \"two\"]", "--param", "options={\"a\": {\"b\": true}}");

        Assert.Equal(0, code);
        var values = SentParameters();
        Assert.Equal(5L, values["count"]);
        Assert.Equal(0.5, values["ratio"]);
        Assert.Equal(true, values["enabled"]);
        Assert.Equal(new List<object?> { 1L, "two" }, values["items"]);
        var options = Assert.IsType<Dictionary<string, object?>>(values["options"]);
        Assert.Equal(true, Assert.IsType<Dictionary<string, object?>>(options["a"])["b"]);
        Assert.Equal("hello", values["label"]);
    }

    [Fact]
    public async Task Param_file_gives_values_and_param_overrides_it()
    {
        var file = _folder.Write("typed.yaml", TestPlaybooks.Typed);
        var json = _folder.Write("params.json", """{"count": 2, "ratio": 3, "label": "from file"}""");

        var code = await Run("run", file, "--param-file", json, "--param", "label=from flag");

        Assert.Equal(0, code);
        var values = SentParameters();
        Assert.Equal(2L, values["count"]);
        Assert.Equal(3.0, values["ratio"]);
        Assert.Equal("from flag", values["label"]);
    }

    [Fact]
    public async Task Wrong_types_unknown_and_missing_parameters_are_all_reported_with_exit_2()
    {
        var file = _folder.Write("typed.yaml", TestPlaybooks.Typed);

        var code = await Run("run", file, "--param", "ratio=abc", "--param", "items={}", "--param", "colour=red", "--param", "novalue");

        Assert.Equal(2, code);
        var errors = _err.ToString();
        Assert.Contains("--param ratio: parameter 'ratio' must be float, got 'abc'", errors);
        Assert.Contains("--param items: parameter 'items' must be list, got '{}'", errors);
        Assert.Contains("--param colour: unknown parameter (declared: count, ratio, enabled, items, options, label)", errors);
        Assert.Contains("--param novalue: expected key=value", errors);
        Assert.Contains("error: parameter 'count' (integer) is required: give it with --param count=...", errors);
        Assert.Empty(_services.GetRequiredService<RecordingPlaybookEngine>().Requests);
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
