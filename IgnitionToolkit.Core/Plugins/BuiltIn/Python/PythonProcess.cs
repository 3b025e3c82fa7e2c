using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IgnitionToolkit.Core.Plugins.BuiltIn.Python;

/// <summary>What the script's run needs: the real interpreter, its folder, the channel's socket path and the step.</summary>
internal sealed record PythonRunRequest(string Interpreter, string WorkingDirectory, string SocketPath, JsonObject Init);

/// <summary>How a script ended. <see cref="Status"/>: <c>ok</c>, <c>error</c> (an exception), <c>exit</c> (a non-zero
/// <c>sys.exit</c>) or <c>crashed</c> (the process ended without reporting: killed, <c>os._exit</c>, a crash).</summary>
internal sealed record PythonOutcome(string Status, int ExitCode, JsonElement? Result, JsonElement? Error, string? ExitMessage,
    string Stdout, string? LastStderrLine);

/// <summary>Receives the script's output lines and variables as they come.</summary>
internal interface IPythonListener
{
    void Stdout(string line);
    void Stderr(string line);
    void SetVariable(string name, object? value);
}

/// <summary>Runs the bootstrap in a separate interpreter with a clean environment, streams its output, applies its
/// messages, and on cancellation (timeout, cancel) kills the interpreter's session and everything it started.</summary>
internal static class PythonProcess
{
    /// <summary>The longest <c>_output</c> kept, in characters (every line still reaches the log).</summary>
    public const int MaxOutputChars = 1 << 20;

    private static readonly Lazy<string> Bootstrap = new(() =>
    {
        using var stream = typeof(PythonProcess).Assembly.GetManifestResourceStream("IgnitionToolkit.Core.Python.bootstrap.py")
            ?? throw new InvalidOperationException("the utility.python bootstrap is missing from IgnitionToolkit.Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static async Task<PythonOutcome> RunAsync(PythonRunRequest request, IPythonListener listener, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(request, listener, cancellationToken);
        }
        finally
        {
            File.Delete(request.SocketPath);
        }
    }

    private static async Task<PythonOutcome> RunCoreAsync(PythonRunRequest request, IPythonListener listener, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        File.Delete(request.SocketPath);
        using var listenerSocket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listenerSocket.Bind(new UnixDomainSocketEndPoint(request.SocketPath));
        listenerSocket.Listen(1);

        using var process = new Process { StartInfo = StartInfo(request) };
        process.Start();
        var pid = process.Id;
        using var kill = cancellationToken.Register(() =>
        {
            ProcessSessionKiller.KillSession(pid);
            try
            {
                process.Kill(); // before the bootstrap's setsid() the interpreter is not yet a session leader
            }
            catch (InvalidOperationException)
            {
                // already ended
            }
        });
        process.StandardInput.Close(); // input() reads end-of-file, as in a non-interactive run

        var stdout = new StringBuilder();
        var lastStderr = new string?[1];
        var readOut = Pump(process.StandardOutput, line =>
        {
            if (stdout.Length < MaxOutputChars) stdout.Append(line).Append('\n');
            listener.Stdout(line);
        });
        var readErr = Pump(process.StandardError, line =>
        {
            if (line.Length > 0) lastStderr[0] = line;
            listener.Stderr(line);
        });
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var channel = ChannelAsync(listenerSocket, request.Init, listener, exited, cancellationToken);

        await exited;
        // Same-session leftovers (a background child the script did not wait for) end with the step;
        // processes the script deliberately detached into a session of their own are left alone.
        ProcessSessionKiller.KillSession(pid, includeDetachedDescendants: false);
        JsonElement? end = null;
        try
        {
            end = await channel.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            await Task.WhenAll(readOut, readErr).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }
        catch (TimeoutException)
        {
            listener.Stderr("(output is still held open by a process the script detached; not waiting for it)");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var text = stdout.Length >= MaxOutputChars ? stdout.ToString(0, MaxOutputChars) + "\n[output truncated]\n" : stdout.ToString();
        if (end is not { } message)
            return new PythonOutcome("crashed", process.ExitCode, null, null, null, text, lastStderr[0]);
        return new PythonOutcome(
            message.GetProperty("status").GetString() ?? "crashed",
            process.ExitCode,
            message.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object ? result : null,
            message.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error : null,
            message.TryGetProperty("message", out var exitMessage) && exitMessage.ValueKind == JsonValueKind.String ? exitMessage.GetString() : null,
            text,
            lastStderr[0]);
    }

    private static ProcessStartInfo StartInfo(PythonRunRequest request)
    {
        var info = new ProcessStartInfo(request.Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            WorkingDirectory = request.WorkingDirectory,
        };
        foreach (var argument in new[] { "-u", "-c", Bootstrap.Value, request.SocketPath }) info.ArgumentList.Add(argument);
        // A clean environment: none of the host's settings, connection strings or tokens reach the script.
        info.Environment.Clear();
        var interpreterDirectory = Path.GetDirectoryName(request.Interpreter);
        info.Environment["PATH"] = (interpreterDirectory is { Length: > 0 } dir ? dir + ":" : "") + "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        info.Environment["HOME"] = request.WorkingDirectory;
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONUNBUFFERED"] = "1";
        return info;
    }

    private static async Task Pump(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line) onLine(line);
    }

    /// <summary>Sends the step to the bootstrap, then applies its messages until its end message. Returns that message,
    /// or null when the process ended without one.</summary>
    private static async Task<JsonElement?> ChannelAsync(Socket listenerSocket, JsonObject init, IPythonListener listener, Task exited,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Once the interpreter has ended, a process it forked may still hold the channel open: stop reading soon after.
        _ = exited.ContinueWith(_ =>
        {
            try
            {
                stop.CancelAfter(TimeSpan.FromSeconds(5));
            }
            catch (ObjectDisposedException)
            {
                // the channel was read to its end already
            }
        }, TaskScheduler.Default);
        Socket connection;
        try
        {
            connection = await listenerSocket.AcceptAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return null; // the interpreter ended (or was killed) before it connected
        }
        using (connection)
        await using (var stream = new NetworkStream(connection, ownsSocket: false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            try
            {
                var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
                await writer.WriteLineAsync(init.ToJsonString());
                await writer.FlushAsync(stop.Token);
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    using var document = JsonDocument.Parse(line);
                    var message = document.RootElement;
                    switch (message.GetProperty("op").GetString())
                    {
                        case "set" when !cancellationToken.IsCancellationRequested:
                            listener.SetVariable(message.GetProperty("name").GetString() ?? "", PythonValues.FromJson(message.GetProperty("value")));
                            break;
                        case "end":
                            return message.Clone();
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // killed, or the process ended without closing the channel cleanly
            }
        }
        return null;
    }
}
