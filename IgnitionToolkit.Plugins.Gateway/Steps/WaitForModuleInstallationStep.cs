using IgnitionToolkit.Contracts;
using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using P = IgnitionToolkit.Plugins.Gateway.Steps.GatewayParameters;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary><c>gateway.wait_for_module_installation</c>: waits until a module is installed (running, or waiting for the restart).</summary>
public sealed class WaitForModuleInstallationStep : GatewayStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("gateway.wait_for_module_installation", P.Category,
        "Waits until a module is installed: listed and not loading, or named by a pending restart. Defaults to the module uploaded last in this execution.",
        P.With(
            new StepParameterSchema("module_id", StepParameterType.String, Description: "Module id, e.g. com.example.mymodule."),
            new StepParameterSchema("module_name", StepParameterType.String, Description: "Module display name (v2 parameter), used when no id is given."),
            P.WaitTimeout(), P.PollInterval),
        Outputs: P.Outputs(
            new StepOutputSchema("module_id", StepParameterType.String),
            new StepOutputSchema("name", StepParameterType.String),
            new StepOutputSchema("version", StepParameterType.String),
            new StepOutputSchema("state", StepParameterType.String, "Module state, or 'restart pending'."),
            new StepOutputSchema("restart_required", StepParameterType.Boolean)))
    {
        TimeoutOverride = TimeoutOverrideNames.ModuleInstall,
    };

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var id = context.Get<string>("module_id");
        var name = context.Get<string>("module_name");
        if (string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(name)) id = client.LastUploadedModuleId;
        if (string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(name))
            throw new StepParameterException("module_id", "give 'module_id' (or 'module_name'), or upload a module first with gateway.upload_module");
        var target = new ModuleTarget(id, name, client.LastUploadedModuleId);
        var timeout = TimeSpan.FromSeconds(context.Get<double?>("timeout") ?? 300);
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, context.Get<double?>("poll_interval") ?? 2));
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = "not polled yet";
        while (true)
        {
            try
            {
                var module = (await client.ListModulesAsync(cancellationToken)).FirstOrDefault(target.Matches);
                if (module is not null && !module.IsLoading)
                    return Done(context, client, module.Id, module.Name, module.Version, module.State, false);
                last = module is not null ? $"{target} is {module.State}" : $"{target} not running yet";
                if (module is null && await PendingRestartAsync(client, target, cancellationToken) is { } waiting)
                    return Done(context, client, waiting.Id, waiting.Name, waiting.Version, "restart pending", true);
            }
            catch (GatewayException ex) when (ex.Failure is GatewayFailure.Starting or GatewayFailure.Unreachable or GatewayFailure.Timeout)
            {
                last = ex.Message;
            }
            if (DateTimeOffset.UtcNow >= deadline)
                return StepResult.Failed(string.Create(CultureInfo.InvariantCulture,
                    $"module '{target}' was not installed on {client.Gateway} after {timeout.TotalSeconds:0.#} s; last state seen: {last}"));
            await Task.Delay(poll, cancellationToken);
        }
    }

    /// <summary>The module when it is installed but waits for a gateway restart (quarantined list + pending restart reasons).</summary>
    private static async Task<ModuleInfo?> PendingRestartAsync(GatewayClient client, ModuleTarget target, CancellationToken cancellationToken)
    {
        var pending = await client.PendingRestartsAsync(cancellationToken);
        if (pending.Count == 0) return null;
        IReadOnlyList<ModuleInfo> quarantined = [];
        try
        {
            quarantined = await client.ListQuarantinedModulesAsync(cancellationToken);
        }
        catch (GatewayException ex) when (ex.Failure is GatewayFailure.NotFound)
        {
        }
        var uploaded = quarantined.FirstOrDefault(target.Matches);
        var ids = new[] { uploaded?.Id, target.Id, target.Name }.Where(v => !string.IsNullOrWhiteSpace(v)).Cast<string>().ToList();
        if (!pending.Any(r => ids.Any(i => r.Contains(i, StringComparison.OrdinalIgnoreCase)))) return null;
        return uploaded ?? new ModuleInfo(target.Id ?? "", target.Name ?? "", "", "restart pending");
    }

    private sealed record ModuleTarget(string? Id, string? Name, string? LastUploadedId)
    {
        public bool Matches(ModuleInfo m) =>
            !string.IsNullOrWhiteSpace(Id) ? string.Equals(m.Id, Id, StringComparison.OrdinalIgnoreCase)
            : string.Equals(m.Name, Name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Id, LastUploadedId, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => !string.IsNullOrWhiteSpace(Id) ? Id : Name ?? "";
    }

    private static StepResult Done(StepContext context, GatewayClient client, string id, string name, string version, string state, bool restart)
    {
        context.Logger.LogStep($"module '{(id.Length > 0 ? id : name)}' is installed ({state})");
        var outputs = new Dictionary<string, object?>
        {
            ["url"] = client.Gateway, ["module_id"] = id, ["name"] = name, ["version"] = version, ["state"] = state, ["restart_required"] = restart,
        };
        return StepResult.Completed(outputs);
    }
}
