namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Section <c>ConnectionStrings</c> (Aspire sets these for the services it starts).</summary>
public sealed class ConnectionOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary><c>ConnectionStrings:messaging</c>: RabbitMQ, <c>amqp://user:password@host:5672/vhost</c> (default: the local broker as guest, see <c>BrokerAddress</c>).</summary>
    public string? Messaging { get; set; }

    /// <summary><c>ConnectionStrings:toolkitdb</c>: PostgreSQL (<c>Host=...;Database=...;Username=...;Password=...</c>); empty = SQLite in the data folder.</summary>
    public string? Toolkitdb { get; set; }

    public static void Rules(ConnectionOptions o, SettingRules rules) =>
        rules.AbsoluteUri(o.Messaging, $"{Section}:messaging", "amqp", "amqps");
}
