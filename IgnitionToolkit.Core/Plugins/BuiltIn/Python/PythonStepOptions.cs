using System.Collections.Concurrent;
using System.Diagnostics;

namespace IgnitionToolkit.Core.Plugins.BuiltIn.Python;

/// <summary>Settings of the <c>utility.python</c> step: <c>Toolkit:Python:Enabled</c> (default true) and
/// <c>Toolkit:Python:Interpreter</c> (default <c>python3</c>, looked up on the host's PATH).</summary>
public sealed record PythonStepOptions
{
    public const string EnabledKey = "Toolkit:Python:Enabled";
    public const string InterpreterKey = "Toolkit:Python:Interpreter";

    public bool Enabled { get; init; } = true;
    public string Interpreter { get; init; } = "python3";

    /// <summary>Reads the settings; a value that is not <c>true</c>/<c>false</c> is an error naming the key.</summary>
    public static PythonStepOptions Resolve(Func<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var enabled = settings(EnabledKey);
        var interpreter = settings(InterpreterKey);
        if (!string.IsNullOrWhiteSpace(enabled) && !bool.TryParse(enabled.Trim(), out _))
            throw new InvalidOperationException($"{EnabledKey} must be true or false (was '{enabled}')");
        return new PythonStepOptions
        {
            Enabled = string.IsNullOrWhiteSpace(enabled) || bool.Parse(enabled.Trim()),
            Interpreter = string.IsNullOrWhiteSpace(interpreter) ? "python3" : interpreter.Trim(),
        };
    }

    internal static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>Finds the real interpreter behind the setting (a PATH name or a path; shims such as pyenv's are followed
/// by asking the interpreter for <c>sys.executable</c>), once per setting value.</summary>
internal static class PythonInterpreter
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Resolved = new(StringComparer.Ordinal);

    public static Task<string> ResolveAsync(string configured) =>
        Resolved.GetOrAdd(configured, c => new Lazy<Task<string>>(() => ProbeAsync(c))).Value;

    public static string NotFound(string configured, string why) =>
        $"no Python interpreter: '{configured}' {why}. Install python3 or set {PythonStepOptions.InterpreterKey} " +
        $"(environment variable {PythonStepOptions.EnvironmentName(PythonStepOptions.InterpreterKey)}) to the interpreter's path";

    private static async Task<string> ProbeAsync(string configured)
    {
        var candidate = Find(configured) ?? throw new InvalidOperationException(NotFound(configured, "was not found"));
        var info = new ProcessStartInfo(candidate)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "import sys; print(sys.version_info[0]); print(sys.executable)" })
            info.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException(NotFound(configured, "could not be started"));
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(limit.Token);
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 || lines.Length < 2 || lines[0] != "3")
                throw new InvalidOperationException(NotFound(configured, $"({candidate}) is not a working Python 3"));
            return File.Exists(lines[1]) ? lines[1] : candidate;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            Resolved.TryRemove(configured, out _);
            throw new InvalidOperationException(NotFound(configured, $"({candidate}) could not be run: {ex.Message}"), ex);
        }
        catch (InvalidOperationException)
        {
            Resolved.TryRemove(configured, out _); // installing python later must not need a restart
            throw;
        }
    }

    private static string? Find(string configured)
    {
        if (configured.Contains('/', StringComparison.Ordinal))
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, configured))
            .FirstOrDefault(File.Exists);
    }
}
