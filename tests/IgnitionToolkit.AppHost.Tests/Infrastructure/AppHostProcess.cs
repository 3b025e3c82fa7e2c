using System.Diagnostics;

namespace IgnitionToolkit.AppHost.Tests.Infrastructure;

/// <summary>Runs the built AppHost as a separate process (manifest publishing, start-up errors) and always ends it.</summary>
public static class AppHostProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(IEnumerable<string> args, IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "IgnitionToolkit.AppHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(appHost);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The caller's configuration decides: nothing leaks in from the developer's shell.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"The AppHost did not exit within {timeout.TotalSeconds:0} s:\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
