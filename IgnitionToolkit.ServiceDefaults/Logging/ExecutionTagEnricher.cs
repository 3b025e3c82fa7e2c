using Serilog.Core;
using Serilog.Events;

namespace IgnitionToolkit.ServiceDefaults.Logging;

/// <summary>Adds <c>ExecutionTag</c> (<c> [exec &lt;id&gt;]</c>, or empty) so text log lines of an execution show its id;
/// JSON lines carry the <c>ExecutionId</c> property itself (from the engine's and the Runner's logging scopes).</summary>
public sealed class ExecutionTagEnricher : ILogEventEnricher
{
    public const string PropertyName = "ExecutionTag";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var tag = logEvent.Properties.TryGetValue("ExecutionId", out var id) && id is ScalarValue { Value: not null } scalar
            ? $" [exec {scalar.Value}]"
            : "";
        logEvent.AddPropertyIfAbsent(new LogEventProperty(PropertyName, new ScalarValue(tag)));
    }
}
