using System.Globalization;
using System.Text;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using IgnitionToolkit.Plugins.Perspective.Steps;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Fat;

/// <summary><c>fat.generate_report</c>: a factory acceptance test report as an HTML artifact and a PDF printed by Chromium.</summary>
public sealed class GenerateReportStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("fat.generate_report", "fat",
        "Writes a factory acceptance test report (project, date, tester, client, summary, each test's result, visual analysis, screenshots) " +
        "as an HTML artifact and a PDF artifact printed by headless Chromium. 'test_results' is {results: [...], total, passed, failed, skipped} " +
        "(counts default to those of the results' statuses), e.g. the results of perspective.execute_test_manifest: " +
        "test_results: { results: \"{{ step.<id>.results }}\" }. Screenshots: those the browser steps of this execution " +
        "took, plus 'screenshots' and the PNGs of 'screenshots_dir'.",
        [
            new StepParameterSchema("test_results", StepParameterType.Dict, Required: true, Description: "{results: [{name, status, message}...], total, passed, failed, skipped}."),
            new StepParameterSchema("metadata", StepParameterType.Dict, Description: "project_name, test_date (default today), tester, client."),
            new StepParameterSchema("visual_analysis", StepParameterType.Dict, Description: "{issues_count, report: {compliance: {passed, failed, warnings}}}."),
            new StepParameterSchema("screenshots", StepParameterType.List, Description: "More PNG files to include (absolute or relative to the playbook's folder)."),
            new StepParameterSchema("screenshots_dir", StepParameterType.String, Description: "A folder whose PNG files are included (absolute or relative to the playbook's folder)."),
            new StepParameterSchema("include_execution_screenshots", StepParameterType.Boolean, Default: true, Description: "Include the screenshots of this execution's browser steps."),
            new StepParameterSchema("pdf", StepParameterType.Boolean, Default: true, Description: "Also print the report to PDF."),
            new StepParameterSchema("format", StepParameterType.String, Default: "html", AllowedValues: ["html", "pdf"], Description: "v5's format (echoed; both files are written)."),
            new StepParameterSchema("template", StepParameterType.String, Description: "Accepted for v5 playbooks; not used (as in v5)."),
            new StepParameterSchema("name", StepParameterType.String, Description: "Report id and file name (default fat_report_<yyyyMMdd_HHmmss>)."),
        ],
        Outputs:
        [
            new StepOutputSchema("status", StepParameterType.String, "'generated'."),
            new StepOutputSchema("report_id", StepParameterType.String, "Id for fat.export_report."),
            new StepOutputSchema("report_path", StepParameterType.String, "File of the HTML report (on the Runner)."),
            new StepOutputSchema("html", StepParameterType.String, "Artifact name of the HTML report."),
            new StepOutputSchema("pdf", StepParameterType.String, "Artifact name of the PDF report."),
            new StepOutputSchema("pdf_path", StepParameterType.String, "File of the PDF report (on the Runner)."),
            new StepOutputSchema("format", StepParameterType.String, "The format asked for."),
            new StepOutputSchema("total_tests", StepParameterType.Integer, "Tests in the report."),
            new StepOutputSchema("passed_tests", StepParameterType.Integer, "Passed."),
            new StepOutputSchema("failed_tests", StepParameterType.Integer, "Failed."),
            new StepOutputSchema("visual_issues", StepParameterType.Integer, "Visual issues (0 without visual analysis)."),
        ]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var data = FatReportData.From(context);
        var generated = DateTimeOffset.UtcNow;
        var id = context.Get<string>("name") is { Length: > 0 } name ? Path.GetFileNameWithoutExtension(name)
            : $"fat_report_{generated.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}";
        var html = FatReportHtml.Build(data, await ScreenshotsAsync(context, session, cancellationToken), generated);

        ArtifactInfo htmlArtifact;
        await using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(html)))
            htmlArtifact = await context.Artifacts.SaveAsync(id + ".html", "text/html", stream, cancellationToken);
        ArtifactInfo? pdfArtifact = null;
        if (context.Get<bool>("pdf"))
        {
            var pdf = await PrintAsync(session, html, cancellationToken);
            await using var stream = new MemoryStream(pdf);
            pdfArtifact = await context.Artifacts.SaveAsync(id + ".pdf", "application/pdf", stream, cancellationToken);
        }
        FatReports.Of(context).Add(id, htmlArtifact, pdfArtifact);
        context.Logger.LogStep($"FAT report {id}: {data.Total} tests, {data.Passed} passed, {data.Failed} failed ({htmlArtifact.Name}{(pdfArtifact is null ? "" : ", " + pdfArtifact.Name)})");
        return Done(("status", "generated"), ("report_id", id), ("report_path", htmlArtifact.Path), ("html", htmlArtifact.Name),
            ("pdf", pdfArtifact?.Name), ("pdf_path", pdfArtifact?.Path), ("format", context.Get<string>("format") ?? "html"),
            ("total_tests", data.Total), ("passed_tests", data.Passed), ("failed_tests", data.Failed), ("visual_issues", data.VisualIssues ?? 0));
    }

    /// <summary>Prints the HTML in a page of its own (the execution's page is left as it is), closed afterwards.</summary>
    private static async Task<byte[]> PrintAsync(PerspectiveSession session, string html, CancellationToken cancellationToken)
    {
        var page = await session.Context.NewPageAsync();
        try
        {
            await Await(page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 }), cancellationToken);
            return await Await(page.PdfAsync(new() { Format = "A4", PrintBackground = true, Margin = new() { Top = "15mm", Bottom = "15mm", Left = "12mm", Right = "12mm" } }), cancellationToken);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("headless", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("PrintToPDF", StringComparison.Ordinal))
        {
            throw new PerspectivePageException($"the PDF could not be printed: Chromium prints PDFs only when headless (Perspective:Browser:Headless) ({BrowserText.FirstLine(ex.Message)})", ex);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static async Task<List<FatReportHtml.Screenshot>> ScreenshotsAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var files = new List<(string Name, string Path)>();
        if (context.Get<bool>("include_execution_screenshots")) files.AddRange(session.Screenshots.Select(s => (s.Name, s.Path)));
        foreach (var item in context.Get<List<object?>>("screenshots") ?? [])
            if (Convert.ToString(item, CultureInfo.InvariantCulture) is { Length: > 0 } file)
                files.Add((Path.GetFileName(file), StepFiles.Resolve(context, "screenshots", file)));
        if (context.Get<string>("screenshots_dir") is { Length: > 0 } dir)
        {
            var folder = StepFiles.Resolve(context, "screenshots_dir", dir, folder: true);
            files.AddRange(Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), f)));
        }
        var shots = new List<FatReportHtml.Screenshot>();
        foreach (var (name, path) in files.DistinctBy(f => f.Path))
            shots.Add(new(name, await File.ReadAllBytesAsync(path, cancellationToken)));
        return shots;
    }
}
