using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;

namespace IgnitionToolkit.Plugins.Perspective.Fat;

/// <summary><c>fat.export_report</c>: copies a report of this execution to a folder or file, or offers it as a download (its artifact).</summary>
public sealed class ExportReportStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new("fat.export_report", "fat",
        "Exports a report made by fat.generate_report in this execution: with 'output_path', copies the PDF (or HTML) there (a folder, or a " +
        "file name ending in .pdf/.html; relative paths are under the toolkit's data folder); without it, the report is offered as a download: " +
        "the execution's artifact named in the output 'artifact'.",
        [
            new StepParameterSchema("report_id", StepParameterType.String, Required: true, Description: "The report_id output of fat.generate_report."),
            new StepParameterSchema("format", StepParameterType.String, Default: "pdf", AllowedValues: ["pdf", "html"], Description: "Which file: pdf or html."),
            new StepParameterSchema("output_path", StepParameterType.String, Description: "Folder or file to copy the report to (default: download only)."),
        ],
        Outputs:
        [
            new StepOutputSchema("status", StepParameterType.String, "'exported'."),
            new StepOutputSchema("format", StepParameterType.String, "pdf or html."),
            new StepOutputSchema("output_path", StepParameterType.String, "File written (or the artifact's file when no output_path)."),
            new StepOutputSchema("artifact", StepParameterType.String, "Artifact name of the report (the download)."),
            new StepOutputSchema("report_id", StepParameterType.String, "The report."),
        ]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var id = context.GetRequiredString("report_id").Trim();
        var format = context.Get<string>("format") ?? "pdf";
        var reports = FatReports.Of(context);
        var report = reports.Find(id) ?? throw new StepParameterException("report_id",
            $"no report '{id}' was generated in this execution" + (reports.Ids.Count > 0 ? $" (reports: {string.Join(", ", reports.Ids)})" : " (run fat.generate_report first)"));
        var artifact = format == "pdf"
            ? report.Pdf ?? throw new StepParameterException("format", $"report '{id}' has no PDF (it was generated with pdf: false)")
            : report.Html;
        var target = artifact.Path;
        if (context.Get<string>("output_path") is { Length: > 0 } output)
        {
            target = OutputPaths.Resolve(context, output);
            var isFile = Path.HasExtension(target) && !Directory.Exists(target);
            if (!isFile) target = Path.Combine(target, artifact.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(artifact.Path, target, overwrite: true);
            context.Logger.LogStep($"report {id} ({format}) exported to {target}");
        }
        else
        {
            context.Logger.LogStep($"report {id} ({format}) is available as the artifact {artifact.Name}");
        }
        return Task.FromResult(StepResult.Completed(new Dictionary<string, object?>
        {
            ["status"] = "exported", ["format"] = format, ["output_path"] = target, ["artifact"] = artifact.Name, ["report_id"] = id,
        }));
    }
}
