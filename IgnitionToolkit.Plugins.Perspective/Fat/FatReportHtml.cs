using System.Globalization;
using System.Net;
using System.Text;

namespace IgnitionToolkit.Plugins.Perspective.Fat;

/// <summary>The HTML of a FAT report (self-contained: styles inline, screenshots as data URIs), printed to PDF by Chromium.</summary>
internal static class FatReportHtml
{
    public sealed record Screenshot(string Name, byte[] Png);

    public static string Build(FatReportData data, IReadOnlyList<Screenshot> screenshots, DateTimeOffset generated)
    {
        var rate = data.Total > 0 ? (double)data.Passed / data.Total : 0;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>FAT Report - {{E(data.Project)}}</title>
            <style>
              body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 32px; color: #1d2733; }
              h1 { margin-bottom: 4px; } h2 { border-bottom: 2px solid #36c; padding-bottom: 4px; margin-top: 28px; }
              .meta { display: grid; grid-template-columns: 140px 1fr; gap: 4px 12px; }
              .summary { display: flex; flex-wrap: wrap; gap: 16px; } .summary div { background: #f0f3f7; padding: 10px 16px; border-radius: 4px; white-space: nowrap; }
              table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border: 1px solid #ccd3da; padding: 6px 8px; text-align: left; }
              th { background: #36c; color: #fff; } .passed { color: #1a7f37; font-weight: bold; } .failed { color: #c0392b; font-weight: bold; }
              .skipped, .unknown { color: #b36b00; font-weight: bold; }
              h2 { break-after: avoid; } figure { page-break-inside: avoid; margin: 12px 0; } img { max-width: 100%; border: 1px solid #ccd3da; }
            </style></head><body>
            <h1>Factory Acceptance Test Report</h1>
            <div class="meta">
              <b>Project</b><span class="project">{{E(data.Project)}}</span>
              <b>Test date</b><span>{{E(data.Date)}}</span>
              <b>Tester</b><span>{{E(data.Tester)}}</span>
              <b>Client</b><span>{{E(data.Client)}}</span>
              <b>Generated</b><span>{{generated:yyyy-MM-dd HH:mm:ss}} UTC</span>
            </div>
            <h2>Summary</h2>
            <div class="summary">
              <div>Total tests: <b>{{data.Total}}</b></div><div>Passed: <b>{{data.Passed}}</b></div>
              <div>Failed: <b>{{data.Failed}}</b></div><div>Skipped: <b>{{data.Skipped}}</b></div><div>Pass rate: <b>{{rate * 100:0}}%</b></div>
            </div>
            """);
        if (data.VisualIssues is { } issues)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Visual analysis</h2><p>Issues found: <b>{issues}</b></p>");
            if (data.Compliance is { } c)
                html.Append(CultureInfo.InvariantCulture, $"<p>Compliance: passed {E(c.GetValueOrDefault("passed"))}, failed {E(c.GetValueOrDefault("failed"))}, warnings {E(c.GetValueOrDefault("warnings"))}</p>");
        }
        html.Append("<h2>Test results</h2>");
        if (data.Tests.Count == 0) html.Append("<p>No individual results were given.</p>");
        else
        {
            html.Append("<table><tr><th>#</th><th>Test</th><th>Result</th><th>Details</th></tr>");
            foreach (var (test, i) in data.Tests.Select((t, i) => (t, i)))
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{i + 1}</td><td>{E(test.Name)}</td><td class=\"{E(test.Status)}\">{E(test.Status.ToUpperInvariant())}</td><td>{E(test.Detail)}</td></tr>");
            html.Append("</table>");
        }
        if (screenshots.Count > 0)
        {
            html.Append("<h2>Screenshots</h2>");
            foreach (var shot in screenshots)
                html.Append(CultureInfo.InvariantCulture,
                    $"<figure><img alt=\"{E(shot.Name)}\" src=\"data:image/png;base64,{Convert.ToBase64String(shot.Png)}\"><figcaption>{E(shot.Name)}</figcaption></figure>");
        }
        html.Append("<h2>Sign-off</h2><div class=\"meta\"><b>Tester</b><span>______________________</span><b>Client</b><span>______________________</span></div>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
}
