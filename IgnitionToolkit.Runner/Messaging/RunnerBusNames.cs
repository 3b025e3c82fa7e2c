using MassTransit;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>
/// Queue and exchange names of the Runner, following the API's convention (<c>IgnitionToolkit.Core.Messaging.BusEndpoints</c>,
/// to be reconciled with it at merge). <c>Toolkit:Bus:Prefix</c> (default empty; normalised to end with one <c>-</c>) is put
/// in front of every queue and of every message-type exchange, so several toolkits (or tests) can share one broker.
/// </summary>
public sealed record RunnerBusNames
{
    public const string PrefixKey = "Toolkit:Bus:Prefix";
    public const string ExecutionsQueueName = "toolkit-executions";
    public const string RunnerControlQueueName = "toolkit-runner-control";
    public const string ConnectionStringName = "messaging";

    public RunnerBusNames(string? prefix) =>
        Prefix = string.IsNullOrWhiteSpace(prefix) ? "" : prefix.Trim().TrimEnd('-', '.', '_') + "-";

    /// <summary>The normalised prefix (<c>"run42-"</c>) or empty.</summary>
    public string Prefix { get; }

    public string ExecutionsQueue => Prefix + ExecutionsQueueName;

    public Uri ExecutionsQueueAddress => new($"queue:{ExecutionsQueue}");

    /// <summary>This Runner's own auto-delete queue for the published control commands.</summary>
    public string RunnerControlQueue(string runnerId) => $"{Prefix}{RunnerControlQueueName}-{runnerId}";

    /// <summary>Applies the prefix to the message-type exchanges (published messages).</summary>
    public void Apply(IBusFactoryConfigurator configurator)
    {
        if (Prefix.Length == 0) return;
        configurator.MessageTopology.SetEntityNameFormatter(
            new PrefixEntityNameFormatter(configurator.MessageTopology.EntityNameFormatter, Prefix));
    }

    public static RunnerBusNames From(Func<string, string?> settings) => new(settings(PrefixKey));
}
