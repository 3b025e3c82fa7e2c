using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>
/// Health of a server the AppHost does not run itself (given as a connection string): its TCP port accepts connections.
/// Shown on the dashboard, and lets services <c>WaitFor</c> the server.
/// </summary>
public sealed class ExternalServerHealthCheck(string host, int port) : IHealthCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return HealthCheckResult.Healthy($"{host}:{port} accepts connections");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{host}:{port} does not accept connections: {ex.Message}");
        }
    }

    /// <summary>Host and port of an amqp:// URI (default port 5672).</summary>
    public static ExternalServerHealthCheck ForAmqp(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new ToolkitHostingException(
                "ConnectionStrings:messaging must be an amqp:// URI, e.g. amqp://guest:guest@127.0.0.1:5672 " +
                "(the value given is not one; it is not shown because it may hold a password).");
        }
        return new ExternalServerHealthCheck(uri.Host, uri.IsDefaultPort ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port);
    }

    /// <summary>Host and port of an Npgsql connection string (keys Host/Server, Port; default port 5432).</summary>
    public static ExternalServerHealthCheck ForPostgres(string connectionString)
    {
        DbConnectionStringBuilder parts;
        try
        {
            parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            throw new ToolkitHostingException(
                "ConnectionStrings:toolkitdb is not a valid connection string (expected Host=...;Port=...;Database=...;Username=...;Password=...).");
        }
        var host = Value(parts, "Host") ?? Value(parts, "Server")
            ?? throw new ToolkitHostingException("ConnectionStrings:toolkitdb has no Host= (e.g. Host=127.0.0.1;Port=5432;Database=ignition_toolkit;Username=postgres;Password=...).");
        var port = int.TryParse(Value(parts, "Port"), out var p) ? p : 5432;
        return new ExternalServerHealthCheck(host.Split(',')[0], port);
    }

    private static string? Value(DbConnectionStringBuilder parts, string key) =>
        parts.TryGetValue(key, out var value) ? value?.ToString() : null;
}
