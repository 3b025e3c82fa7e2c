using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Perspective.Designer;

/// <summary>
/// The v5 <c>designer.*</c> step types. Ignition Designer is a desktop Java application (Java Web Start / native launcher);
/// this version does not drive it: the names are known, so playbooks get a clear validation error instead of
/// "unknown step type", and the steps refuse to run.
/// </summary>
public abstract class DesignerStep(string type, string description, params StepParameterSchema[] parameters) : IStepPlugin
{
    public const string Reason = "Ignition Designer is a desktop Java application, and this version of the toolkit does not drive it " +
        "(v5's designer.* steps automated its window with xdotool, PowerShell or pywinauto). Remove the step, or do this part by hand; " +
        "browser steps (perspective.*, browser.*) and gateway steps are supported";

    public StepTypeDescriptor Descriptor { get; } = new(type, "designer", $"{description} Not supported: {Reason}.", parameters)
    {
        DisabledReason = Reason,
    };

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StepResult.Failed($"step type '{Descriptor.Type}' is not supported: {Reason}"));

    protected static StepParameterSchema Text(string name) => new(name, StepParameterType.Any);

    protected static StepParameterSchema Secret(string name) => new(name, StepParameterType.Any, Secret: true);
}

public sealed class DesignerLaunchStep() : DesignerStep("designer.launch", "v5: opens a Designer launcher file.", Text("launcher_file"));

public sealed class DesignerLaunchShortcutStep() : DesignerStep("designer.launch_shortcut", "v5: launches the Designer, logs in and opens a project.",
    Text("designer_shortcut"), Text("project_name"), Text("gateway_credential"), Text("username"), Secret("password"), Text("timeout"));

public sealed class DesignerLoginStep() : DesignerStep("designer.login", "v5: logs in to the Designer.", Text("username"), Secret("password"), Text("timeout"));

public sealed class DesignerOpenProjectStep() : DesignerStep("designer.open_project", "v5: opens a project in the Designer.", Text("project_name"), Text("timeout"));

public sealed class DesignerCloseStep() : DesignerStep("designer.close", "v5: closes the Designer.");

public sealed class DesignerScreenshotStep() : DesignerStep("designer.screenshot", "v5: screenshot of the Designer window.", Text("name"));

public sealed class DesignerWaitStep() : DesignerStep("designer.wait", "v5: waits for the Designer window.", Text("timeout"));
