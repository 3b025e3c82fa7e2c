using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary>Reads the readiness parameters of a step and waits for the gateway.</summary>
internal static class ReadyWait
{
    private static readonly TimeSpan DefaultFloorAfterRestart = TimeSpan.FromSeconds(5);

    public static async Task<ReadinessResult> RunAsync(StepContext context, GatewayClient client, CancellationToken cancellationToken)
    {
        var timeout = Seconds(context, "timeout", 300, "timeout_seconds");
        var poll = Seconds(context, "poll_interval", 2, "check_interval");
        if (poll <= TimeSpan.Zero) throw new StepParameterException("poll_interval", "'poll_interval' must be greater than 0");
        var floor = context.Parameters.TryGetValue("initial_delay", out var d) && d is not null
            ? Seconds(context, "initial_delay", 0)
            : AutomaticFloor(client);
        var waitForModules = context.Get<bool?>("wait_for_modules") ?? true;

        context.Logger.LogStep(string.Create(CultureInfo.InvariantCulture,
            $"waiting up to {timeout.TotalSeconds:0.#} s for {client.Gateway} to be ready (poll every {poll.TotalSeconds:0.#} s, not before {floor.TotalSeconds:0.#} s)"));
        var result = await new ReadinessWaiter(client, context.Logger)
            .WaitAsync(new ReadinessOptions(timeout, poll, floor, waitForModules, client.PendingRestart), cancellationToken);
        context.Logger.LogStep(string.Create(CultureInfo.InvariantCulture, $"gateway {client.Gateway} is ready after {result.Waited.TotalSeconds:0.#} s"));
        return result;
    }

    public static void AddOutputs(IDictionary<string, object?> outputs, ReadinessResult result)
    {
        outputs["state"] = result.State;
        outputs["waited_seconds"] = Math.Round(result.Waited.TotalSeconds, 1);
        outputs["ready"] = true;
    }

    /// <summary>After a restart requested by this session (and not yet seen completed), ready is not believed before 5 s
    /// have passed since the request.</summary>
    private static TimeSpan AutomaticFloor(GatewayClient client)
    {
        if (client.PendingRestart?.RequestedAt is not { } requested) return TimeSpan.Zero;
        var left = DefaultFloorAfterRestart - (DateTimeOffset.UtcNow - requested);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static TimeSpan Seconds(StepContext context, string name, double fallback, params string[] v2Names)
    {
        object? value = null;
        foreach (var key in v2Names.Append(name)) // a v2 name has no default: present only when written
            if (value is null && context.Parameters.TryGetValue(key, out var v) && v is not null) value = v;
        var seconds = value switch
        {
            null => fallback,
            double x => x,
            long l => l,
            int i => i,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
            _ => throw new StepParameterException(name, $"'{name}' must be a number of seconds"),
        };
        if (seconds < 0 || double.IsNaN(seconds)) throw new StepParameterException(name, $"'{name}' must not be negative");
        return TimeSpan.FromSeconds(seconds);
    }
}
