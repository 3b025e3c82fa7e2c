namespace IgnitionToolkit.Core.Playbooks;

public enum DiagnosticSeverity { Error, Warning }

/// <summary>One validation finding, always naming file, line, column and field.</summary>
public sealed record PlaybookDiagnostic(
    DiagnosticSeverity Severity,
    SourceLocation Location,
    string Field,
    string Message)
{
    public override string ToString() =>
        $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Field}: {Message}";
}

/// <summary>The outcome of loading and validating a playbook: the model when it parsed, and every diagnostic.</summary>
public sealed record PlaybookLoadResult(Playbook? Playbook, IReadOnlyList<PlaybookDiagnostic> Diagnostics)
{
    public bool IsValid => Playbook is not null && Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
    public IEnumerable<PlaybookDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
    public IEnumerable<PlaybookDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
