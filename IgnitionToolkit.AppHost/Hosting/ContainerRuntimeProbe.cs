using System.Diagnostics;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>Asks the container runtime CLI whether an engine answers (<c>docker info</c>), with a short timeout.</summary>
public static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <param name="runtime">CLI name; Aspire's own setting <c>ASPIRE_CONTAINER_RUNTIME</c> (docker or podman) when set.</param>
    public static bool IsAvailable(string? runtime)
    {
        var cli = string.IsNullOrWhiteSpace(runtime) ? "docker" : runtime;
        // podman's template fields differ; its plain 'info' also fails when no engine answers.
        string[] args = cli == "podman" ? ["info"] : ["info", "--format", "{{.ServerVersion}}"];
        var start = new ProcessStartInfo(cli, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
