using System.Diagnostics;

namespace IgnitionToolkit.Benchmarks.Scenarios;

/// <summary>Wall time of a process from start to exit (a process started from scratch, as a CI step starts it).</summary>
internal static class ProcessTiming
{
    /// <summary><c>dotnet ARGS</c>.</summary>
    public static Task<double> DotnetAsync(string workingDirectory, string[] args) => TimeAsync("dotnet", workingDirectory, args);

    /// <summary>Runs <paramref name="program"/>; a non-zero exit fails the bench with the output.</summary>
    public static async Task<double> TimeAsync(string program, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true"; // as in a pipeline: plain lines, no live view
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{await output}\n{await error}");
        return elapsed;
    }

    /// <summary>The full path of <paramref name="program"/> on the PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
}
