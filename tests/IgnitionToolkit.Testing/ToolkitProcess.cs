using System.Diagnostics;
using System.Net;
using System.Text;

namespace IgnitionToolkit.Testing;

/// <summary>One built toolkit service (API or Runner) running as a real child process. Disposing stops it
/// (SIGTERM, then kill of the whole tree) so no process outlives the test.</summary>
public sealed class ToolkitProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ToolkitProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts <c>dotnet &lt;project&gt;.dll</c> from <paramref name="workingDirectory"/> with the given environment.</summary>
    public static ToolkitProcess Start(string project, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(project, workingDirectory, environment, TestPorts.Free(), args);

    /// <summary>Starts the service on a given HTTP <paramref name="port"/> (e.g. the port of the instance it replaces).</summary>
    public static ToolkitProcess Start(string project, string workingDirectory, IReadOnlyDictionary<string, string> environment, int port, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryLayout.ServiceAssembly(project));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // No environment name: the services run as Production, as a published app or the AppHost starts them.
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {project}");
        return new ToolkitProcess(project, process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until the process has exited and its output has been read to the end (all lines are in
    /// <see cref="Output"/>); false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token); // also waits for the end of the redirected output streams
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until <c>/health</c> answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        string last = "no answer";
        await Wait.UntilAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("health");
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
                return false;
            }
        }, timeout, $"{Name} to be healthy", () => $"{last}\n{Output}", TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns how long it took.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (_process.HasExited) return TimeSpan.Zero;
        Signal("TERM");
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Name} did not exit within {timeout} after SIGTERM");
        }
        return clock.Elapsed;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would; with <paramref name="aloneAsACrashWould"/> its
    /// children are left to fend for themselves (by default they are killed too, so a test leaves none behind).</summary>
    public void Crash(bool aloneAsACrashWould = false)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: !aloneAsACrashWould);
        _process.WaitForExit();
    }

    private bool _disposed;

    /// <summary>Stops the process (SIGTERM, then kill); safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (!_process.HasExited) await TerminateAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            // already killed
        }
        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {_process.Id}") { UseShellExecute = false });
        kill?.WaitForExit();
    }
}
