using MassTransit;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>
/// Queue and exchange names of the Runner. <c>Toolkit:Bus:Prefix</c> (default empty) is put in front of the executions
/// queue and of every message-type exchange, so several toolkits (or tests) can share one broker.
/// To be reconciled with <c>IgnitionToolkit.Core.Messaging.BusEndpoints</c>.
/// </summary>
public sealed record RunnerBusNames(string Prefix)
{
    public const string PrefixKey = "Toolkit:Bus:Prefix";
    public const string ExecutionsQueueName = "toolkit-executions";
    public const string ConnectionStringName = "messaging";

    public string ExecutionsQueue => Prefix + ExecutionsQueueName;

    public Uri ExecutionsQueueAddress => new($"queue:{ExecutionsQueue}");

    /// <summary>Applies the prefix to the message-type exchanges (published messages).</summary>
    public void Apply(IBusFactoryConfigurator configurator)
    {
        if (Prefix.Length == 0) return;
        configurator.MessageTopology.SetEntityNameFormatter(
            new PrefixEntityNameFormatter(configurator.MessageTopology.EntityNameFormatter, Prefix));
    }

    public static RunnerBusNames From(Func<string, string?> settings) => new(settings(PrefixKey)?.Trim() ?? "");
}
