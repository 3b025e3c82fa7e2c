using System.Diagnostics;
using System.Text.Json;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Testing;
using IgnitionToolkit.Testing.Engine;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Python.PythonHarness;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Functional.Tests.Python;

/// <summary>utility.python's process: live output, kill on cancel and timeout, clean environment, masked secrets.</summary>
[Trait("Category", "Functional")]
public sealed class PythonProcessTests(ITestOutputHelper output)
{
    private readonly PythonHarness _python = new();

    [Fact]
    public async Task Output_reaches_the_log_while_the_script_is_still_running()
    {
        var go = Path.Combine(Path.GetTempPath(), "itk-go-" + Guid.NewGuid().ToString("N"));
        const string Script = """
            import os, sys, time
            print("waiting for the go file")
            print("a warning on stderr", file=sys.stderr)
            while not os.path.exists("{{ parameter.go }}"):
                time.sleep(0.02)
            print("GOT=go")
            """;
        var run = _python.Start(OneStep(Script, "  - { name: go, type: string, required: true }\n"),
            new Dictionary<string, object?> { ["go"] = go });
        try
        {
            // The script cannot go on before the file exists: both lines must have arrived while it runs.
            await run.Events.WaitForAsync<LogEvent>(l => l.Message == "waiting for the go file", 120);
            var warning = await run.Events.WaitForAsync<LogEvent>(l => l.Message == "a warning on stderr", 120);
            Assert.Equal("warning", warning.Level);
            Assert.DoesNotContain(run.Finished, f => f.StepPath == "py");
            await File.WriteAllTextAsync(go, "go");

            Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120));
            Assert.Equal("go", run.Output("py", "GOT"));
        }
        finally
        {
            File.Delete(go);
        }
    }

    [Fact]
    public async Task Cancel_kills_the_interpreter_and_everything_it_started_even_what_ignores_sigterm()
    {
        var marker = "itk-py-cancel-" + Guid.NewGuid().ToString("N");
        var run = _python.Start(OneStep(SpawningScript(marker)));
        await AwaitSpawnedAsync(run, marker);

        var sinceCancel = Stopwatch.StartNew();
        run.Control.Send(ExecutionCommand.Cancel);

        Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync(120));
        Assert.True(await Wait.HoldsAsync(() => ProcessesWith(marker).Count == 0),
            $"still running after cancel: {string.Join(", ", ProcessesWith(marker))}");
        // the plan's 1 s is a figure, not an assertion: a bound on speed would make the suite depend on the machine
        Faults.FaultSuite.Figure(output, "python-cancel", $"4 script processes gone {Faults.FaultSuite.Seconds(sinceCancel.Elapsed)} after the cancel");
    }

    [Fact]
    public async Task The_step_timeout_kills_the_interpreter_and_everything_it_started()
    {
        var marker = "itk-py-timeout-" + Guid.NewGuid().ToString("N");
        var run = _python.Start(OneStep(SpawningScript(marker), timeoutSeconds: 10));
        await AwaitSpawnedAsync(run, marker);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120)); // on_failure: continue
        Assert.Contains("timed out", run.FinishedStep("py").Error, StringComparison.Ordinal);
        Assert.True(await Wait.HoldsAsync(() => ProcessesWith(marker).Count == 0),
            $"still running after the timeout: {string.Join(", ", ProcessesWith(marker))}");
    }

    [Fact]
    public async Task The_script_gets_a_clean_environment()
    {
        var name = "Toolkit__Test__Token_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "not-for-scripts");
        try
        {
            var run = _python.Start(OneStep("import json, os\nprint('ENV=' + json.dumps(sorted(os.environ)))\nprint('HOME=' + os.environ['HOME'])\nprint('CWD=' + os.getcwd())"));

            Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120));
            var keys = JsonSerializer.Deserialize<string[]>((string)run.Output("py", "ENV")!)!;
            Assert.Equal(["HOME", "LANG", "LC_ALL", "PATH", "PYTHONIOENCODING", "PYTHONUNBUFFERED"], keys);
            Assert.Equal(run.Output("py", "HOME"), run.Output("py", "CWD"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Secrets_pasted_into_the_script_are_masked_in_its_output()
    {
        const string Secret = "S3cr3t-py-Passw0rd";
        var credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gw"] = new Dictionary<string, string> { ["username"] = "admin", ["password"] = Secret },
        };
        const string Script = """
            import sys
            pw = "{{ credential.gw.password }}"
            print("password is " + pw)
            print("PW=" + pw)
            print("on stderr: " + pw, file=sys.stderr)
            set_variable("pw", pw)
            """;
        var run = _python.Start(OneStep(Script), credentials: credentials);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync(120));
        Assert.Contains("password is ***", run.Logs);
        Assert.Contains("on stderr: ***", run.Logs);
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(run.Events.All.Select(e => (object)e)), StringComparison.Ordinal);
    }

    /// <summary>Starts a child and a grandchild in the interpreter's session and one child in a session of its own,
    /// all ignoring SIGTERM, each with <paramref name="marker"/> in its command line; then waits forever.</summary>
    private static string SpawningScript(string marker) => $$"""
        import subprocess, sys, time
        stubborn = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"
        parent = "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', sys.argv[1], sys.argv[2]]); time.sleep(600)"
        subprocess.Popen([sys.executable, "-c", stubborn, "{{marker}}"])
        subprocess.Popen([sys.executable, "-c", stubborn, "{{marker}}"], start_new_session=True)
        subprocess.Popen([sys.executable, "-c", parent, stubborn, "{{marker}}"])
        print("spawned")
        time.sleep(600)
        """;

    /// <summary>Waits until the four processes of <see cref="SpawningScript"/> run.</summary>
    private static async Task AwaitSpawnedAsync(RecordingRun run, string marker)
    {
        var watch = Stopwatch.StartNew();
        var spawned = await Wait.HoldsAsync(() => ProcessesWith(marker).Count == 4 || run.Finished.Any(f => f.StepPath == "py"), TimeSpan.FromSeconds(120));
        Assert.True(spawned && ProcessesWith(marker).Count == 4,
            $"the script's processes did not all start ({ProcessesWith(marker).Count} of 4 after {watch.Elapsed}); " +
            string.Join(" | ", run.Logs) + " " + string.Join(" | ", run.Finished.Select(f => f.Error)));
    }
}
