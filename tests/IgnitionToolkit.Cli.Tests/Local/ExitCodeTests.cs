using System.Net;
using System.Net.Sockets;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;
using Wait = IgnitionToolkit.Testing.Wait;

namespace IgnitionToolkit.Cli.Tests.Local;

/// <summary>Each documented exit code, as a CI pipeline sees it.</summary>
[Trait("Category", "Functional")]
public sealed class ExitCodeTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Completed_run_exits_0()
    {
        var file = _cli.Folder.Write("hello.yaml", Playbooks.Hello);

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("run", file));
        Assert.Contains("[info] Hello from the tool", _cli.Output);
        Assert.Contains("Execution completed", _cli.Output);
    }

    [Fact]
    public async Task Failed_step_exits_1()
    {
        var file = _cli.Folder.Write("failing.yaml", Playbooks.Failing);

        Assert.Equal(ExitCodes.Failed, await _cli.RunAsync("run", file));
        Assert.Contains("< too_slow failed in ", _cli.Output);
        Assert.Contains("1 completed, 1 failed, 0 skipped", _cli.Output);
    }

    [Fact]
    public async Task Invalid_playbook_parameters_and_options_exit_2()
    {
        var broken = _cli.Folder.Write("broken.yaml", Playbooks.Broken);
        var hello = _cli.Folder.Write("hello.yaml", Playbooks.Hello);

        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("run", broken));
        Assert.Matches(@"broken\.yaml:6:11: error: steps\[0\]\.type: unknown step type 'utility\.does_not_exist'", _cli.Error);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("run", hello, "--param", "colour=red"));
        Assert.Contains("--param colour: unknown parameter (the playbook declares none)", _cli.Error);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("run", hello, "--no-such-option"));
        Assert.Contains("Unrecognized command or argument '--no-such-option'", _cli.Error);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("frobnicate"));
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("run", Path.Combine(_cli.Folder.Path, "missing.yaml")));
    }

    [Fact]
    public async Task Interrupted_run_exits_3()
    {
        var file = _cli.Folder.Write("blocking.yaml", Playbooks.Blocking);
        using var interrupt = new CancellationTokenSource();

        var run = _cli.RunAsync(interrupt.Token, null, "run", file);
        await Wait.UntilAsync(() => _cli.Output.Contains("> hold (utility.wait) started", StringComparison.Ordinal));
        await interrupt.CancelAsync();

        Assert.Equal(ExitCodes.Cancelled, await run.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("Execution cancelled", _cli.Output);
    }

    [Fact]
    public async Task Unreachable_server_exits_4()
    {
        var closedPort = ClosedPort();

        Assert.Equal(ExitCodes.ServerUnavailable, await _cli.RunAsync("doctor", "--server", $"http://127.0.0.1:{closedPort}"));
        Assert.Contains($"FAIL server: http://127.0.0.1:{closedPort}/ unreachable", _cli.Output);
    }

    /// <summary>A port nothing listens on: bound by the system, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => _cli.Dispose();
}
