using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IgnitionToolkit.Testing;

/// <summary>Runs a command line the way a user types it in a terminal (<c>bash -c</c>), for tests of <c>make</c> targets and
/// documented commands. Nothing is added to the environment; only the variables that the test runner and an outer
/// <c>make</c> put there for themselves are removed, as a user's shell has none of them.</summary>
public static class ShellCommand
{
    public sealed record Result(int ExitCode, string Output);

    private static readonly string[] RunnerVariablePrefixes = ["MSBUILD", "MSBuild", "VSTEST", "MAKE", "MFLAGS", "DOTNET_HOST_PATH", "TESTINGPLATFORM"];

    /// <summary>Runs <paramref name="command"/> in <paramref name="directory"/>; stdout and stderr together in
    /// <see cref="Result.Output"/>. On timeout the whole process tree is killed and <see cref="TimeoutException"/> thrown.</summary>
    public static async Task<Result> RunAsync(string command, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        foreach (var key in info.Environment.Keys.Where(k => RunnerVariablePrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;

        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash could not be started");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{command}' did not end within {timeout}:\n{Text(output)}");
        }
        await Task.WhenAll(stdout, stderr);
        return new Result(process.ExitCode, Text(output));
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool PortAnswers(int port)
    {
        using var client = new TcpClient();
        try
        {
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, up to <paramref name="timeout"/>.</summary>
    public static async Task WaitHealthyAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var last = "no answer";
        await Wait.UntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(url);
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
                return false;
            }
        }, timeout, $"{url} to be healthy", () => last, TimeSpan.FromMilliseconds(500));
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (output) output.AppendLine(line);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
