using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Hosting.Bus;
using IgnitionToolkit.Plugins.Perspective.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Cli.Setup;

/// <summary>One check of <c>doctor</c>: its name, whether it passed, and what was found (never a password).</summary>
public sealed record DoctorCheck(string Name, bool Ok, string Detail, bool IsServer = false);

/// <summary><c>doctor</c>: checks what runs need — the .NET runtime, python3, Chromium, the data folder — and, when
/// configured, the broker and the database (a TCP connection), and with <c>--server</c> the API's <c>/health</c>.
/// One line each; exit code 1 when a check failed, 4 when the server is unreachable.</summary>
public sealed class DoctorCommand(CliContext context)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<int> ExecuteAsync(Uri? server, bool json, CancellationToken cancellationToken)
    {
        var configuration = context.Services.GetRequiredService<IConfiguration>();
        var paths = context.Services.GetRequiredService<ToolkitPaths>();
        var checks = new List<DoctorCheck>
        {
            new(".NET runtime", true, $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})"),
            await PythonAsync(cancellationToken),
            Chromium(configuration),
            DataFolder(paths),
        };
        if (!string.IsNullOrWhiteSpace(configuration[BrokerAddress.SettingKey]))
        {
            try
            {
                var broker = BrokerAddress.From(configuration);
                checks.Add(await TcpAsync("broker", broker.Host, broker.Port, broker.ToString(), cancellationToken));
            }
            catch (InvalidOperationException ex)
            {
                checks.Add(new DoctorCheck("broker", false, ex.Message));
            }
        }
        if (configuration.GetConnectionString("toolkitdb") is { Length: > 0 } database) checks.Add(await DatabaseAsync(database, cancellationToken));
        if (server is not null) checks.Add(await ServerAsync(server, cancellationToken));

        if (json) await context.Output.WriteLineAsync(JsonSerializer.Serialize(checks, JsonSerializerOptions.Web));
        else foreach (var check in checks) await context.Output.WriteLineAsync($"{(check.Ok ? "ok  " : "FAIL")} {check.Name}: {check.Detail}");

        if (checks.Any(c => c.IsServer && !c.Ok)) return ExitCodes.ServerUnavailable;
        return checks.All(c => c.Ok) ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<DoctorCheck> PythonAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = new ProcessStartInfo("python3", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(info)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                var output = await process.StandardOutput.ReadToEndAsync(timeout.Token) + await process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                return new DoctorCheck("python3", process.ExitCode == 0, output.Trim());
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new DoctorCheck("python3", false, "not found on PATH (the python steps need it: apt-get install python3)");
        }
    }

    private static DoctorCheck Chromium(IConfiguration configuration)
    {
        var options = configuration.GetSection(BrowserOptions.Section).Get<BrowserOptions>() ?? new BrowserOptions();
        var executable = options.ResolveExecutable();
        return executable is not null && File.Exists(executable)
            ? new DoctorCheck("chromium", true, executable)
            : new DoctorCheck("chromium", false,
                $"not found{(executable is null ? "" : $" at {executable}")} (Perspective steps need it: apt-get install chromium, or set {BrowserOptions.Section}:ExecutablePath)");
    }

    private static DoctorCheck DataFolder(ToolkitPaths paths) => Directory.Exists(paths.DataDirectory)
        ? new DoctorCheck("data folder", true, paths.DataDirectory)
        : new DoctorCheck("data folder", false, $"{paths.DataDirectory} does not exist (run: ignition-toolkit init)");

    private static async Task<DoctorCheck> DatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var host = builder.TryGetValue("Host", out var h) ? h?.ToString() : null;
        var port = builder.TryGetValue("Port", out var p) && int.TryParse(p?.ToString(), out var n) ? n : 5432;
        return host is null
            ? new DoctorCheck("database", false, "ConnectionStrings:toolkitdb names no Host")
            : await TcpAsync("database", host, port, $"PostgreSQL at {host}:{port}", cancellationToken);
    }

    private static async Task<DoctorCheck> TcpAsync(string name, string host, int port, string display, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return new DoctorCheck(name, true, $"{display} reachable");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DoctorCheck(name, false, $"{display} unreachable ({ex.Message})");
        }
    }

    private static async Task<DoctorCheck> ServerAsync(Uri server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync("health", cancellationToken);
            return new DoctorCheck("server", response.IsSuccessStatusCode, $"{server} /health answered {(int)response.StatusCode}", IsServer: true);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DoctorCheck("server", false, $"{server} unreachable ({ex.Message})", IsServer: true);
        }
    }
}
