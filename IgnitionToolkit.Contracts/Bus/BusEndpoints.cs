namespace IgnitionToolkit.Contracts.Bus;

/// <summary>
/// Queue and exchange naming shared by the API and the Runner.
/// <para>An optional prefix (configuration <see cref="PrefixKey"/>) isolates one deployment or test run from others on the
/// same broker. Both sides must apply it in the same two places:</para>
/// <list type="number">
/// <item>queue names: use <see cref="ExecutionsQueue"/>, <see cref="ApiEventsQueue"/>, <see cref="ApiHeartbeatsQueue"/>,
/// <see cref="RunnerControlQueue"/>;</item>
/// <item>exchanges of published messages (<see cref="ControlExecution"/>, <see cref="ExecutionEventMessage"/>,
/// <see cref="RunnerHeartbeat"/>): when <see cref="EntityPrefix"/> is not empty, configure MassTransit with
/// <c>cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, BusEndpoints.EntityPrefix(prefix)))</c>.</item>
/// </list>
/// </summary>
public static class BusEndpoints
{
    /// <summary>Configuration key of the prefix (empty or absent: no prefix).</summary>
    public const string PrefixKey = "Toolkit:Bus:Prefix";

    /// <summary>Connection string name of the broker (an <c>amqp://user:password@host:port/vhost</c> URI).</summary>
    public const string ConnectionStringName = "messaging";

    /// <summary>Queue where the API sends <see cref="StartExecution"/>; every Runner consumes it (competing consumers).</summary>
    public const string ExecutionsQueueName = "toolkit-executions";

    public const string ApiEventsQueueName = "toolkit-api-events";
    public const string ApiHeartbeatsQueueName = "toolkit-api-heartbeats";
    public const string RunnerControlQueueName = "toolkit-runner-control";

    /// <summary>The normalised prefix including its trailing separator (<c>"run42-"</c>), or empty.</summary>
    public static string EntityPrefix(string? prefix) =>
        string.IsNullOrWhiteSpace(prefix) ? string.Empty : prefix.Trim().TrimEnd('-', '.', '_') + "-";

    public static string ExecutionsQueue(string? prefix) => EntityPrefix(prefix) + ExecutionsQueueName;

    /// <summary>Send address of <see cref="ExecutionsQueue"/> (<c>queue:&lt;name&gt;</c>).</summary>
    public static Uri ExecutionsQueueAddress(string? prefix) => new($"queue:{ExecutionsQueue(prefix)}");

    /// <summary>The API's queue for <see cref="ExecutionEventMessage"/>.</summary>
    public static string ApiEventsQueue(string? prefix) => EntityPrefix(prefix) + ApiEventsQueueName;

    /// <summary>The API's queue for <see cref="RunnerHeartbeat"/>.</summary>
    public static string ApiHeartbeatsQueue(string? prefix) => EntityPrefix(prefix) + ApiHeartbeatsQueueName;

    /// <summary>How long the broker keeps a Runner's control queue that no Runner uses (RabbitMQ <c>x-expires</c>).</summary>
    public static readonly TimeSpan RunnerControlQueueExpiry = TimeSpan.FromMinutes(10);

    /// <summary>One Runner's own queue for the published <see cref="ControlExecution"/> commands: durable, so commands
    /// published while the Runner reconnects after a broker restart are kept; deleted by the broker after
    /// <see cref="RunnerControlQueueExpiry"/> without a consumer.</summary>
    public static string RunnerControlQueue(string? prefix, string runnerId) =>
        $"{EntityPrefix(prefix)}{RunnerControlQueueName}-{runnerId}";
}
