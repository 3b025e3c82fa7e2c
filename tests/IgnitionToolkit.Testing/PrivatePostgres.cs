using System.Globalization;

namespace IgnitionToolkit.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for a test that stops the database, so the shared server (127.0.0.1:5432) is never
/// touched: <c>initdb</c> in a temporary folder (as user <c>postgres</c> when the tests run as root: PostgreSQL refuses
/// root), its own port on 127.0.0.1, its socket in that folder, trust authentication for the superuser
/// <c>postgres</c>. Disposing stops it (immediate mode) and removes the folder. Needs the Debian package
/// <c>postgresql</c> (<c>.ci/services.sh</c>); <c>PG_BIN</c> names another binary folder.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;

    private PrivatePostgres(string root, string bin, int port)
    {
        Root = root;
        _bin = bin;
        Port = port;
    }

    /// <summary>The cluster's folder: <c>data</c>, the log and the socket; the server names it on its command line.</summary>
    public string Root { get; }
    public int Port { get; }
    public string DataDirectory => Path.Combine(Root, "data");
    public string LogFile => Path.Combine(Root, "server.log");
    /// <summary>A connection string to the server without a database name (as <see cref="TestServices.Postgres"/>).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";
    /// <summary>The server's main process while it runs (first line of <c>postmaster.pid</c>).</summary>
    public int? ProcessId
    {
        get
        {
            try
            {
                var first = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
                return int.TryParse(first, CultureInfo.InvariantCulture, out var pid) ? pid : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Creates and starts a new cluster.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = BinaryFolder();
        var root = Directory.CreateTempSubdirectory("toolkit-pg-").FullName;
        var cluster = new PrivatePostgres(root, bin, TestPorts.Free());
        try
        {
            if (IsRoot) await RunAsync($"chown postgres {root}", TimeSpan.FromSeconds(30));
            await cluster.AsOwnerAsync(
                $"{bin}/initdb -D {cluster.DataDirectory} -U postgres --auth-local=trust --auth-host=trust -E UTF8 --no-sync",
                TimeSpan.FromSeconds(120));
            await cluster.StartAgainAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>: open connections are closed) and waits until it is down.</summary>
    public Task StopAsync() => AsOwnerAsync($"{_bin}/pg_ctl -D {DataDirectory} -m fast -w -t 60 stop", TimeSpan.FromSeconds(90));

    /// <summary>Starts the (stopped) server and waits until it accepts connections.</summary>
    public Task StartAgainAsync() => AsOwnerAsync(
        $"{_bin}/pg_ctl -D {DataDirectory} -o \"-p {Port} -c listen_addresses=127.0.0.1 -k {Root}\" -l {LogFile} -w -t 120 start",
        TimeSpan.FromSeconds(150));

    private async Task AsOwnerAsync(string command, TimeSpan timeout)
    {
        // su resets the environment; the command line holds everything it needs.
        var line = IsRoot ? $"su postgres -s /bin/sh -c '{command}'" : command;
        var result = await RunAsync(line, timeout);
        if (result.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "";
            throw new InvalidOperationException($"'{command}' failed ({result.ExitCode}):\n{result.Output}\n{log}");
        }
    }

    private static Task<ShellCommand.Result> RunAsync(string command, TimeSpan timeout) =>
        ShellCommand.RunAsync(command, Path.GetTempPath(), timeout);

    private static bool IsRoot => Environment.UserName == "root";

    private static string BinaryFolder()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured) return configured;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException("PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)");
    }

    public async ValueTask DisposeAsync()
    {
        if (ProcessId is not null && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await AsOwnerAsync($"{_bin}/pg_ctl -D {DataDirectory} -m immediate -w -t 60 stop", TimeSpan.FromSeconds(90));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // already stopped, or the caller's census reports what is left
            }
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process; the OS temp cleaner takes it
        }
    }
}
