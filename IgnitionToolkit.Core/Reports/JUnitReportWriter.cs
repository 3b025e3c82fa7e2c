using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Reports;

/// <summary>Writes a <see cref="ReportModel"/> as JUnit XML (the Ant/Jenkins format that GitHub, GitLab, Azure DevOps and
/// Jenkins read): one test suite per playbook, one test case per step with its duration, failure message and log;
/// a nested playbook (<c>playbook.run</c>) is the step's test case followed by a nested suite of its steps.</summary>
public static class JUnitReportWriter
{
    public static XDocument Build(ReportModel report) => Build(report.PlaybookName, [(report.PlaybookName, report)]);

    /// <summary>Several executions in one file, one suite each named <paramref name="suites"/>' name (a fleet run: one suite
    /// per gateway, its steps as test cases, nested playbooks as nested suites under it).</summary>
    public static XDocument Build(string name, IEnumerable<(string Name, ReportModel Report)> suites)
    {
        var elements = suites.Select(s => SuiteOf(s.Name, s.Report)).ToList();
        int Sum(string attribute) => elements.Sum(e => int.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture));
        var root = new XElement("testsuites",
            new XAttribute("name", name),
            new XAttribute("tests", Sum("tests")),
            new XAttribute("failures", Sum("failures")),
            new XAttribute("errors", 0),
            new XAttribute("skipped", Sum("skipped")),
            new XAttribute("time", Seconds(elements.Select(e => TimeSpan.FromSeconds(double.Parse(e.Attribute("time")!.Value, CultureInfo.InvariantCulture)))
                .DefaultIfEmpty().Max())),
            elements);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement SuiteOf(string name, ReportModel report)
    {
        var suite = Suite(name, name, report.Steps, report.StartedAt, report.Duration);
        if (report.Error is { } error || report.ExecutionLogs.Count > 0)
        {
            var text = string.Join('\n', report.ExecutionLogs.Select(l => $"[{l.Level}] {l.Message}").Append(report.Error ?? "").Where(l => l.Length > 0));
            suite.Add(new XElement("system-out", Clean(text)));
        }
        return suite;
    }

    public static void Write(ReportModel report, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        Build(report).Save(writer);
    }

    private static XElement Suite(string name, string className, IReadOnlyList<ReportStep> steps, DateTimeOffset? started, TimeSpan duration)
    {
        var all = steps.SelectMany(s => s.SelfAndDescendants).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", all.Count),
            new XAttribute("failures", all.Count(s => s.Status == StepStatus.Failed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", all.Count(s => s.Status is StepStatus.Skipped or StepStatus.Pending or StepStatus.Running)),
            new XAttribute("time", Seconds(duration)));
        if (started is { } at) suite.Add(new XAttribute("timestamp", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));
        foreach (var step in steps)
        {
            suite.Add(Case(step, className));
            if (step.Children.Count > 0)
                suite.Add(Suite($"{name} / {step.StepId}", $"{className}.{step.StepId}", step.Children, step.StartedAt, step.Duration));
        }
        return suite;
    }

    private static XElement Case(ReportStep step, string className)
    {
        var element = new XElement("testcase",
            new XAttribute("name", step.Name == step.StepId ? step.StepId : $"{step.StepId} ({step.Name})"),
            new XAttribute("classname", className),
            new XAttribute("time", Seconds(step.Duration)));
        var log = string.Join('\n', step.Logs.Select(l => $"{l.Timestamp.UtcDateTime:HH:mm:ss.fff} [{l.Level}] {l.Message}"));
        switch (step.Status)
        {
            case StepStatus.Failed:
                element.Add(new XElement("failure", new XAttribute("message", Clean(step.Error ?? "step failed")), new XAttribute("type", step.Type),
                    Clean($"{step.Error}\n{log}".Trim())));
                break;
            case StepStatus.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", "skipped")));
                break;
            case StepStatus.Pending or StepStatus.Running:
                element.Add(new XElement("skipped", new XAttribute("message", "not run (the execution ended first)")));
                break;
        }
        if (log.Length > 0) element.Add(new XElement("system-out", Clean(log)));
        return element;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot hold (control characters in a log line would make the file unreadable).</summary>
    private static string Clean(string text) => new([.. text.Where(XmlConvert.IsXmlChar)]);
}
