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
            new StepOutputSchema("restart_required", StepParameterType.Boolean)));

    protected override async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var client = Session(context);
        var id = context.Get<string>("module_id");
        var name = context.Get<string>("module_name");
        if (string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(name)) id = client.LastUploadedModuleId;
        if (string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(name))
            throw new StepParameterException("module_id", "give 'module_id' (or 'module_name'), or upload a module first with gateway.upload_module");
        var label = string.IsNullOrWhiteSpace(id) ? name! : id!;
        var timeout = TimeSpan.FromSeconds(context.Get<double?>("timeout") ?? 300);
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, context.Get<double?>("poll_interval") ?? 2));
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = "not polled yet";
        while (true)
        {
            try
            {
                var module = (await client.ListModulesAsync(cancellationToken)).FirstOrDefault(m => Matches(m.Id, m.Name, id, name));
                if (module is not null && !module.IsLoading)
                    return Done(context, client, module.Id, module.Name, module.Version, module.State, false);
                if (module is not null) last = $"{label} is {module.State}";
                else
                {
                    var pending = await client.PendingRestartsAsync(cancellationToken);
                    var reason = pending.FirstOrDefault(r => Mentions(r, id) || Mentions(r, name));
                    if (reason is not null) return Done(context, client, id ?? "", name ?? "", "", "restart pending", true);
                    last = $"{label} not listed yet";
                }
            }
            catch (GatewayException ex) when (ex.Failure is GatewayFailure.Starting or GatewayFailure.Unreachable or GatewayFailure.Timeout)
            {
                last = ex.Message;
            }
            if (DateTimeOffset.UtcNow >= deadline)
                return StepResult.Failed(string.Create(CultureInfo.InvariantCulture,
                    $"module '{label}' was not installed on {client.Gateway} after {timeout.TotalSeconds:0.#} s; last state seen: {last}"));
            await Task.Delay(poll, cancellationToken);
        }
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

    private static bool Matches(string moduleId, string moduleName, string? id, string? name) =>
        !string.IsNullOrWhiteSpace(id) ? string.Equals(moduleId, id, StringComparison.OrdinalIgnoreCase)
        : string.Equals(moduleName, name, StringComparison.OrdinalIgnoreCase);

    private static bool Mentions(string reason, string? value) =>
        !string.IsNullOrWhiteSpace(value) && reason.Contains(value, StringComparison.OrdinalIgnoreCase);
}
