using Microsoft.Extensions.Configuration;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Hosting.Bus;

/// <summary>
/// The RabbitMQ broker of a service, read from <c>ConnectionStrings:messaging</c> by one rule for the API, the Runner
/// and the tests: an <c>amqp://user:password@host:port/vhost</c> URI (<c>amqps://</c>: TLS, default port 5671), the local
/// development broker when not set (Production refuses a missing one at start-up, see <see cref="ToolkitBus"/>).
/// </summary>
public sealed class BrokerAddress
{
    /// <summary>The broker used when the connection string is not set (local development).</summary>
    public const string LocalDefault = "amqp://guest:guest@localhost:5672/";

    public static readonly string SettingKey = $"ConnectionStrings:{BusEndpoints.ConnectionStringName}";

    private BrokerAddress(string host, int port, string virtualHost, string? username, string? password, bool useTls)
    {
        Host = host;
        Port = port;
        VirtualHost = virtualHost;
        Username = username;
        Password = password;
        UseTls = useTls;
    }

    public string Host { get; }
    public int Port { get; }
    public string VirtualHost { get; }
    public string? Username { get; }
    public string? Password { get; }
    public bool UseTls { get; }

    public static BrokerAddress From(IConfiguration configuration) =>
        Parse(configuration.GetConnectionString(BusEndpoints.ConnectionStringName));

    /// <exception cref="InvalidOperationException">Not an amqp:// or amqps:// URI (the message names the setting, never the value).</exception>
    public static BrokerAddress Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? LocalDefault : value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
            throw new InvalidOperationException($"{SettingKey} must be an amqp:// or amqps:// URI, e.g. amqp://guest:guest@127.0.0.1:5672");
        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port;
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var credentials = uri.UserInfo.Split(':', 2);
        var user = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : null;
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null;
        return new BrokerAddress(uri.Host, port, vhost.Length == 0 ? "/" : vhost, user, password, tls);
    }

    /// <summary>The address without the password (for messages and logs).</summary>
    public override string ToString() =>
        $"{(UseTls ? "amqps" : "amqp")}://{(Username is null ? "" : Username + "@")}{Host}:{Port}/{(VirtualHost == "/" ? "" : Uri.EscapeDataString(VirtualHost))}";
}
