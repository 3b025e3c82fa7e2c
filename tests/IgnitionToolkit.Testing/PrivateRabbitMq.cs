using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace IgnitionToolkit.Testing;

/// <summary>
/// A RabbitMQ node of its own for a test that stops or restarts the broker, so the shared one (127.0.0.1:5672) that
/// other tests and people use is never touched: own node name (<c>fault-&lt;pid&gt;-&lt;n&gt;@localhost</c>), own AMQP
/// and distribution ports, its database, logs and Erlang cookie in a temporary folder, no plugins, loopback only.
/// epmd is shared (it only maps names to ports). The node runs in the foreground as a child of the test; disposing
/// shuts it down and removes the folder. Needs the Debian package <c>rabbitmq-server</c> (<c>.ci/services.sh</c>).
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private const string Scripts = "/usr/lib/rabbitmq/bin";
    private static int _instances;
    private readonly StringBuilder _output = new();
    private Process? _server;

    private PrivateRabbitMq(string root, string nodeName, int port, int distributionPort)
    {
        Root = root;
        NodeName = nodeName;
        Port = port;
        DistributionPort = distributionPort;
    }

    /// <summary>The node's folder (database, logs, cookie); every process of the node names it on its command line.</summary>
    public string Root { get; }
    public string NodeName { get; }
    public int Port { get; }
    public int DistributionPort { get; }
    /// <summary>The AMQP URL for <see cref="ToolkitStack"/> (user guest, allowed from loopback).</summary>
    public string Url => $"amqp://guest:guest@127.0.0.1:{Port}/";
    /// <summary>The running server process (the start script; the Erlang VM is its descendant), if any.</summary>
    public int? ProcessId => _server is { HasExited: false } server ? server.Id : null;
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts a new node and waits until it accepts connections (up to <paramref name="timeout"/>, default 120 s).</summary>
    public static async Task<PrivateRabbitMq> StartAsync(TimeSpan? timeout = null)
    {
        if (!File.Exists(Path.Combine(Scripts, "rabbitmq-server")))
            throw new InvalidOperationException("rabbitmq-server is not installed (apt-get install rabbitmq-server, or .ci/services.sh)");
        var root = Directory.CreateTempSubdirectory("toolkit-rabbit-").FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq-env.conf"), "");
        var node = $"fault-{Environment.ProcessId}-{Interlocked.Increment(ref _instances)}@localhost";
        // The CLI tools take a distribution port 10000 above the node's (up to +10): keep both in range and apart
        // from the shared node's (25672, CLI 35672-35682).
        var distribution = PortWhere(p => p is > 36000 and < 55000);
        var port = PortWhere(p => p != distribution && p is (< 35672 or > 35682) && (p < distribution + 10000 || p > distribution + 10010));
        var broker = new PrivateRabbitMq(root, node, port, distribution);
        try
        {
            await broker.StartNodeAsync(timeout ?? Wait.ServiceStart);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    /// <summary>Shuts the node down (<c>rabbitmqctl shutdown</c>, which waits for the VM to end): connections drop,
    /// durable queues and persistent messages stay on disk.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(5); // an Erlang VM on a loaded machine can take minutes to stop
        if (_server is null || _server.HasExited) return;
        var result = await CtlAsync(limit, "shutdown");
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await _server.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"RabbitMQ node {NodeName} did not stop within {limit} (rabbitmqctl: {result.ExitCode} {result.Output})\n{Output}");
        }
    }

    /// <summary>Starts the stopped node again with the same name, ports and data; waits until it accepts connections.</summary>
    public Task StartAgainAsync(TimeSpan? timeout = null) => StartNodeAsync(timeout ?? Wait.ServiceStart);

    private async Task StartNodeAsync(TimeSpan timeout)
    {
        if (_server is { HasExited: false }) throw new InvalidOperationException($"RabbitMQ node {NodeName} is already running");
        _server?.Dispose();
        var info = new ProcessStartInfo(Path.Combine(Scripts, "rabbitmq-server"))
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in NodeEnvironment()) info.Environment[key] = value;
        var server = Process.Start(info) ?? throw new InvalidOperationException("rabbitmq-server could not be started");
        server.OutputDataReceived += (_, e) => Append(e.Data);
        server.ErrorDataReceived += (_, e) => Append(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        _server = server;

        var last = "not checked";
        await Wait.UntilAsync(async () =>
        {
            if (server.HasExited) throw new InvalidOperationException($"RabbitMQ node {NodeName} exited with {server.ExitCode}:\n{Output}");
            // await_startup fails at once while the node is not registered yet: poll it.
            var check = await CtlAsync(TimeSpan.FromSeconds(120), "await_startup", "--timeout", "10");
            last = check.Output;
            return check.ExitCode == 0;
        }, timeout, $"RabbitMQ node {NodeName} to be up", () => $"{last}\n{Output}", TimeSpan.FromMilliseconds(500));
    }

    private async Task<ShellCommand.Result> CtlAsync(TimeSpan timeout, params string[] args)
    {
        var command = $"{Scripts}/rabbitmqctl -n {NodeName} {string.Join(' ', args)}";
        return await ShellCommand.RunAsync(command, Root, timeout, NodeEnvironment());
    }

    /// <summary>What the server and its CLI calls need to find this node and only this one.</summary>
    private Dictionary<string, string> NodeEnvironment() => new()
    {
        ["HOME"] = Root, // the Erlang cookie of this node and its CLI calls
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Root, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(Root, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(Root, "node.pid"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Root, "enabled_plugins"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Root, "rabbitmq-env.conf"), // not the machine's /etc/rabbitmq one
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Root, "rabbitmq"),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
    };

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int PortWhere(Func<int, bool> acceptable)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = TestPorts.Free();
            if (acceptable(port)) return port;
        }
        throw new InvalidOperationException("no free TCP port in the wanted range");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(120));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // killed below
        }
        if (_server is { HasExited: false } server)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        _server?.Dispose();
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
