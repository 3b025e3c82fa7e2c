using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.upload</c>: puts a file into a file input (v5's <c>browser.file_upload</c>).</summary>
public sealed class UploadStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.upload", P.Category,
        "Sets the file of a file input (<input type=file>, which may be hidden) as if the user had chosen it. " +
        "'file' is absolute, or relative to the working folder or the playbook's folder.",
        P.WithLocator(
            new StepParameterSchema("file", StepParameterType.String, Required: true,
                Description: "File to upload: absolute, or relative to the playbook's folder."),
            P.Timeout(30)),
        Outputs: P.Outputs(
            new StepOutputSchema("file", StepParameterType.String, "Full path of the file uploaded."),
            new StepOutputSchema("size", StepParameterType.Integer, "Its size in bytes.")),
        Aliases: [V2Aliases.Alias("browser.file_upload", renamed: new Dictionary<string, string> { ["file_path"] = "file" })]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var file = StepFiles.Resolve(context, "file");
        var locator = LocatorSpec.From(context);
        var timeout = P.TimeoutOf(context, 30);
        await ActAsync(session.Page, () => locator.First(session.Page).SetInputFilesAsync(file, new() { Timeout = PerspectiveWaits.Ms(timeout) }),
            $"cannot upload to {locator}: no file input found within {P.Seconds(timeout)} s", cancellationToken);
        await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
        var size = new FileInfo(file).Length;
        context.Logger.LogStep($"uploaded {Path.GetFileName(file)} ({size} bytes) to {locator}");
        return Done(("file", file), ("size", size));
    }
}
