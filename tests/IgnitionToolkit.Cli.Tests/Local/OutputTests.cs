using System.Text.Json;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;

namespace IgnitionToolkit.Cli.Tests.Local;

/// <summary>What a CI log and a machine read: timestamped lines when not a terminal, one JSON event per line with <c>--json</c>.</summary>
[Trait("Category", "Functional")]
public sealed class OutputTests : IDisposable
{
    private readonly CliRunner _cli = new(OutputStyle.Timestamped);

    [Fact]
    public async Task Lines_start_with_a_utc_time_when_the_output_is_not_a_terminal()
    {
        var file = _cli.Folder.Write("hello.yaml", Playbooks.Hello);

        Assert.Equal(0, await _cli.RunAsync("run", file));

        var lines = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ", line));
        Assert.Contains(lines, l => l.EndsWith("> greet (utility.log) started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_prints_every_event_as_one_object_per_line()
    {
        var file = _cli.Folder.Write("failing.yaml", Playbooks.Failing);

        Assert.Equal(1, await _cli.RunAsync("run", file, "--json"));

        var events = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("execution_started", events[0].GetProperty("kind").GetString());
        var finished = events[^1];
        Assert.Equal("execution_finished", finished.GetProperty("kind").GetString());
        Assert.Equal("failed", finished.GetProperty("status").GetString());
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "step_finished" && e.GetProperty("stepId").GetString() == "too_slow"
            && e.GetProperty("status").GetString() == "failed");
    }

    [Fact]
    public async Task Secret_parameters_are_never_printed()
    {
        var file = _cli.Folder.Write("secret.yaml", """
            name: secret
            version: "1.0"
            parameters:
              - name: api_password
                type: string
                required: true
            steps:
              - id: use
                name: Use
                type: utility.log
                parameters:
                  message: "using {{ parameter.api_password }}"
            """);

        Assert.Equal(0, await _cli.RunAsync("run", file, "--param", "api_password=hunter2-secret", "--json"));

        Assert.DoesNotContain("hunter2-secret", _cli.Output);
        Assert.DoesNotContain("hunter2-secret", _cli.Error);
    }

    public void Dispose() => _cli.Dispose();
}
