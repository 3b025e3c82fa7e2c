using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;

namespace IgnitionToolkit.Cli.Tests.Local;

/// <summary>At a terminal, <c>run</c> draws a live step view (a table redrawn in place) instead of one line per event,
/// and still ends with the summary line; nowhere else.</summary>
[Trait("Category", "Functional")]
public sealed class LiveViewTests : IDisposable
{
    private readonly CliRunner _cli = new(OutputStyle.Plain) { LiveTerminal = true };

    [Fact]
    public async Task A_terminal_gets_a_live_table_of_the_steps_and_the_summary()
    {
        var file = _cli.Folder.Write("failing.yaml", Playbooks.Failing);

        Assert.Equal(ExitCodes.Failed, await _cli.RunAsync("run", file));

        var output = _cli.Output;
        Assert.Contains("\u001b[", output); // drawn with terminal control sequences
        Assert.Matches(@"too_slow\s*│\s*utility\.wait\s*│\s*.*failed", output);
        Assert.Matches(@"hello\s*│\s*utility\.log\s*│\s*.*completed", output);
        Assert.DoesNotContain("> hello (utility.log) started", output);
        Assert.Contains("Execution failed", output);
        Assert.Contains("1 completed, 1 failed, 0 skipped", output);
    }

    [Fact]
    public async Task Json_output_never_gets_the_live_view()
    {
        var file = _cli.Folder.Write("hello.yaml", Playbooks.Hello);

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("run", file, "--json"));

        Assert.DoesNotContain("\u001b[", _cli.Output);
    }

    public void Dispose() => _cli.Dispose();
}
