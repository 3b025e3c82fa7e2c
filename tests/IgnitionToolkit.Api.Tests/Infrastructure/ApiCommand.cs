using System.Diagnostics;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Runs the built API as a one-shot command (<c>--migrate</c>, <c>rotate-vault-key</c>) from an unrelated
/// working directory and returns its exit code and output (stdout + stderr).</summary>
public static class ApiCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IgnitionToolkit.Api.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'IgnitionToolkit.Api {string.Join(' ', args)}' did not exit within 90 s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
