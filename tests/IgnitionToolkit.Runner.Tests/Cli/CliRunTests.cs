using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Runner.Cli;
using IgnitionToolkit.Runner.Tests.Support;
using Wait = IgnitionToolkit.Testing.Wait;

namespace IgnitionToolkit.Runner.Tests.Cli;

/// <summary>`run` with the real engine: exit codes and printed lines.</summary>
[Trait("Category", "Functional")]
public sealed class CliRunTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services;
    private readonly SyncStringWriter _out = new();
    private readonly SyncStringWriter _err = new();

    public CliRunTests() => _services = ToolkitServices.CliProvider(_folder.Path);

    private Task<int> Run(params string[] args) => Run(CancellationToken.None, args);

    private Task<int> Run(CancellationToken token, params string[] args) => new CliApp(_services, _out, _err).RunAsync(args, token);

    [Fact]
    public async Task Successful_run_prints_each_step_and_a_summary_and_exits_0()
    {
        var file = _folder.Write("three.yaml", TestPlaybooks.ThreeLogs);

        var code = await Run("run", file);

        Assert.Equal(0, code);
        var lines = _out.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Running 'three logs' (3 steps)", lines);
        Assert.Contains("> first (utility.log) started", lines);
        Assert.Contains(lines, l => l.StartsWith("< first completed in ", StringComparison.Ordinal));
        Assert.Contains("[info] two", lines);
        Assert.Contains(lines, l => l.StartsWith("Execution completed in ", StringComparison.Ordinal) && l.EndsWith(": 3 completed, 0 failed, 0 skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nested_steps_are_indented_under_the_calling_step()
    {
        var parent = _folder.Write("nested/parent.yaml", TestPlaybooks.Parent);
        _folder.Write("nested/child.yaml", TestPlaybooks.Child);

        var code = await Run("run", parent);

        Assert.Equal(0, code);
        var lines = _out.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("> call (playbook.run) started", lines);
        Assert.Contains("  > inner (utility.log) started", lines);
        Assert.Contains("    [info] hello from the child", lines);
        Assert.Contains(lines, l => l.StartsWith("  < inner completed in ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("< call completed in ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(": 3 completed, 0 failed, 0 skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_step_prints_its_error_and_exits_1()
    {
        var file = _folder.Write("failing.yaml", TestPlaybooks.Failing);

        var code = await Run("run", file);

        Assert.Equal(1, code);
        var output = _out.ToString();
        Assert.Contains("< too_slow failed in ", output);
        Assert.Matches(@"< too_slow failed in \d+\.\d\ds: .+", output);
        Assert.Contains("Execution failed", output);
        Assert.Contains("1 completed, 1 failed, 0 skipped", output);
    }

    [Fact]
    public async Task Missing_file_exits_2()
    {
        var code = await Run("run", Path.Combine(_folder.Path, "nope.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("nope.yaml: error: file not found", _err.ToString());
    }

    [Fact]
    public async Task Invalid_playbook_prints_file_line_column_and_exits_2()
    {
        var file = _folder.Write("broken.yaml", TestPlaybooks.UnknownStepType);

        var code = await Run("run", file);

        Assert.Equal(2, code);
        Assert.Matches(@"broken\.yaml:6:11: error: steps\[0\]\.type: unknown step type 'utility\.does_not_exist'", _err.ToString());
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_run_and_exits_3()
    {
        var file = _folder.Write("blocking.yaml", TestPlaybooks.Blocking);
        using var cancel = new CancellationTokenSource();
        var engine = (RecordingPlaybookEngine)_services.GetService(typeof(RecordingPlaybookEngine))!;

        var run = Run(cancel.Token, "run", file);
        await Wait.UntilAsync(() => _out.ToString().Contains("> hold (utility.wait) started", StringComparison.Ordinal));
        await cancel.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(3, code);
        Assert.Contains("Execution cancelled", _out.ToString());
        Assert.NotEmpty(engine.Requests);
    }

    [Fact]
    public async Task Unknown_option_and_unknown_command_exit_2()
    {
        Assert.Equal(2, await Run("run", "x.yaml", "--bogus"));
        Assert.Equal(2, await Run("frobnicate"));
        Assert.Contains("Unrecognized command or argument '--bogus'", _err.ToString());
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        Assert.Equal(0, await Run("--help"));
        Assert.Contains("run", _out.ToString());
        Assert.Contains("migrate-playbooks", _out.ToString());
        Assert.Equal(0, await Run("run", "--help"));
        Assert.Contains("--param <key=value>", _out.ToString());
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
