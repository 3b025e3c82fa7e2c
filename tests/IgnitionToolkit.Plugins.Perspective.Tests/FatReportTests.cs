using System.Diagnostics;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Testing.Engine;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>fat.generate_report prints a real PDF in Chromium (its text read back with poppler's pdftotext); fat.export_report copies it.</summary>
[Trait("Category", "Functional")]
public sealed class FatReportTests
{
    [Fact]
    public async Task A_FAT_report_is_an_HTML_and_a_PDF_artifact_with_the_results_screenshots_and_metadata_and_exports_to_a_folder()
    {
        await using var h = await PerspectiveHarness.StartAsync();
        var exports = Directory.CreateTempSubdirectory("v5-fat-").FullName;
        try
        {
            var (status, run) = await h.RunAsync(Yaml.Playbook("""
                - id: open
                  type: perspective.navigate
                  parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI, page: dashboard }
                - { id: shot, type: perspective.screenshot, parameters: { name: dashboard_overview } }
                - id: tests
                  type: perspective.execute_test_manifest
                  parameters:
                    capture_screenshots: false
                    manifest:
                      - { component_id: toggle_alarm, action: click, selector: "#action-button" }
                      - { component_id: missing_pump, action: click, selector: "#pump-start" }
                - id: report
                  type: fat.generate_report
                  parameters:
                    test_results: { results: "{{ step.tests.results }}" }
                    visual_analysis: { issues_count: 2, report: { compliance: { passed: 9, failed: 1, warnings: 2 } } }
                    metadata: { project_name: Water Plant Line 3, test_date: "2026-12-06", tester: Dana Ortiz, client: Acme Utilities }
                """ + $$$"""

                - { id: to_folder, type: fat.export_report, parameters: { report_id: "{{ step.report.report_id }}", output_path: "{{{exports}}}" } }
                - { id: as_download, type: fat.export_report, parameters: { report_id: "{{ step.report.report_id }}", format: html } }
                - { id: unknown, type: fat.export_report, parameters: { report_id: nope }, on_failure: continue }
                """));
            Expect.Completed(status, run);
            Assert.Equal((2L, 1L, 1L, 2L), ((long)run.Output("report", "total_tests")!, (long)run.Output("report", "passed_tests")!,
                (long)run.Output("report", "failed_tests")!, (long)run.Output("report", "visual_issues")!));
            var id = (string)run.Output("report", "report_id")!;
            var pdf = run.Artifact(id + ".pdf");
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf.Path)[..5]));
            var text = string.Join(' ', PdfText(pdf.Path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            foreach (var expected in new[] { "Factory Acceptance Test Report", "Water Plant Line 3", "2026-12-06", "Dana Ortiz", "Acme Utilities",
                         "Total tests: 2", "Passed: 1", "Failed: 1", "Pass rate: 50%", "toggle_alarm", "PASSED", "missing_pump", "FAILED", "#pump-start",
                         "Issues found: 2", "dashboard_overview.png" })
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in the PDF's text:\n{text}");
            var html = await File.ReadAllTextAsync(run.Artifact(id + ".html").Path);
            Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
            var exported = Path.Combine(exports, id + ".pdf");
            Assert.Equal(exported, run.Output("to_folder", "output_path"));
            Assert.Equal(await File.ReadAllBytesAsync(pdf.Path), await File.ReadAllBytesAsync(exported));
            Assert.Equal(id + ".html", run.Output("as_download", "artifact"));
            Expect.FailedWith(run, "unknown", "no report 'nope' was generated in this execution");
        }
        finally
        {
            Directory.Delete(exports, recursive: true);
        }
    }

    private static string PdfText(string pdf)
    {
        Assert.True(File.Exists("/usr/bin/pdftotext"), "pdftotext is missing: apt-get install poppler-utils (.ci/services.sh installs it)");
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
