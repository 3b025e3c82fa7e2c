using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Reports;

/// <summary>Writes a <see cref="ReportModel"/> as one self-contained HTML file (no external file, script or style):
/// the failure first (failed steps with their error, log and screenshots), then every step with its duration, log,
/// outputs and screenshots inlined as <c>data:</c> URIs. Every value is HTML-encoded.</summary>
public static class HtmlReportWriter
{
    /// <summary>Images larger than this are linked by name, not inlined.</summary>
    public const long MaxInlineImageBytes = 5 * 1024 * 1024;

    /// <param name="readArtifact">The bytes of an artifact (by its event), or null when it cannot be read.</param>
    public static string Build(ReportModel report, Func<ArtifactSavedEvent, byte[]?> readArtifact)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{report.PlaybookName}: {report.Status.ToWire()}")).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(report.PlaybookName)).Append(" <span class=\"status ").Append(report.Status.ToWire()).Append("\">")
            .Append(E(report.Status.ToWire())).Append("</span></h1>\n");
        var steps = report.AllSteps.ToList();
        html.Append("<p class=\"summary\">").Append(E(Seconds(report.Duration))).Append(" · ")
            .Append(steps.Count(s => s.Status == StepStatus.Completed)).Append(" completed, ")
            .Append(steps.Count(s => s.Status == StepStatus.Failed)).Append(" failed, ")
            .Append(steps.Count(s => s.Status == StepStatus.Skipped)).Append(" skipped")
            .Append(report.StartedAt is { } at ? $" · started {E(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC" : "")
            .Append("</p>\n");

        var failed = steps.Where(s => s.Status == StepStatus.Failed).ToList();
        if (failed.Count > 0 || report.Error is not null)
        {
            html.Append("<section id=\"failure\"><h2>Failure</h2>\n");
            if (report.Error is { } error) html.Append("<pre class=\"error\">").Append(E(error)).Append("</pre>\n");
            foreach (var step in failed) Step(html, step, readArtifact, open: true);
            html.Append("</section>\n");
        }

        html.Append("<section id=\"steps\"><h2>Steps</h2>\n");
        foreach (var step in report.Steps) Tree(html, step, readArtifact);
        html.Append("</section>\n");
        if (report.ExecutionLogs.Count > 0)
        {
            html.Append("<section id=\"log\"><h2>Execution log</h2>");
            Logs(html, report.ExecutionLogs);
            html.Append("</section>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    public static void Write(ReportModel report, string path, Func<ArtifactSavedEvent, byte[]?> readArtifact)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, Build(report, readArtifact), new UTF8Encoding(false));
    }

    /// <summary>Reads an artifact from its recorded path (local runs).</summary>
    public static byte[]? ReadFromDisk(ArtifactSavedEvent artifact) =>
        File.Exists(artifact.Path) && new FileInfo(artifact.Path).Length <= MaxInlineImageBytes ? File.ReadAllBytes(artifact.Path) : null;

    private static void Tree(StringBuilder html, ReportStep step, Func<ArtifactSavedEvent, byte[]?> readArtifact)
    {
        Step(html, step, readArtifact, open: false);
        if (step.Children.Count == 0) return;
        html.Append("<div class=\"nested\">\n");
        foreach (var child in step.Children) Tree(html, child, readArtifact);
        html.Append("</div>\n");
    }

    private static void Step(StringBuilder html, ReportStep step, Func<ArtifactSavedEvent, byte[]?> readArtifact, bool open)
    {
        var status = step.Status.ToWire();
        html.Append("<details class=\"step ").Append(status).Append('"').Append(open ? " open" : "").Append(" data-step=\"").Append(E(step.Path)).Append("\"><summary>")
            .Append("<span class=\"status ").Append(status).Append("\">").Append(E(status)).Append("</span> <b>").Append(E(step.StepId)).Append("</b> ")
            .Append(step.Name != step.StepId ? E(step.Name) + " " : "").Append("<code>").Append(E(step.Type)).Append("</code> <span class=\"time\">")
            .Append(E(Seconds(step.Duration))).Append("</span></summary>\n");
        if (step.Error is { } error) html.Append("<pre class=\"error\">").Append(E(error)).Append("</pre>\n");
        if (step.Logs.Count > 0) Logs(html, step.Logs);
        if (step.Outputs.Count > 0)
            html.Append("<h4>Outputs</h4><pre>").Append(E(JsonSerializer.Serialize(step.Outputs, ContractJson.Options))).Append("</pre>\n");
        foreach (var artifact in step.Artifacts)
        {
            var bytes = artifact.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? readArtifact(artifact) : null;
            html.Append("<figure><figcaption>").Append(E(artifact.Name)).Append(" (").Append(artifact.Size.ToString(CultureInfo.InvariantCulture)).Append(" bytes)</figcaption>");
            if (bytes is not null)
                html.Append("<img alt=\"").Append(E(artifact.Name)).Append("\" src=\"data:").Append(E(artifact.ContentType)).Append(";base64,").Append(Convert.ToBase64String(bytes)).Append("\">");
            html.Append("</figure>\n");
        }
        html.Append("</details>\n");
    }

    private static void Logs(StringBuilder html, IEnumerable<LogEvent> logs)
    {
        html.Append("<pre class=\"log\">");
        foreach (var log in logs)
            html.Append(E($"{log.Timestamp.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} [{log.Level}] {log.Message}")).Append('\n');
        html.Append("</pre>\n");
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}.summary{color:#555}
        .status{padding:0 .4em;border-radius:.3em;font-size:.85em;color:#fff;background:#777}.status.completed{background:#2e7d32}
        .status.failed{background:#c62828}.status.cancelled,.status.skipped{background:#9e9e9e}
        details.step{border:1px solid #ddd;border-radius:.4em;margin:.3rem 0;padding:.3rem .6rem}details.step.failed{border-color:#c62828}
        .nested{margin-left:1.5rem}.time{color:#777}pre{background:#f6f6f6;padding:.5rem;overflow:auto;white-space:pre-wrap}
        pre.error{background:#fdecea;color:#b71c1c}img{max-width:100%;border:1px solid #ccc}#failure{margin-bottom:2rem}
        """;
}
