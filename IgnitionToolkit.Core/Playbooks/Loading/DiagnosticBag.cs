using IgnitionToolkit.Core.Playbooks.Yaml;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Collects diagnostics for one file.</summary>
internal sealed class DiagnosticBag(string file)
{
    public string File { get; } = file;
    public List<PlaybookDiagnostic> Items { get; } = [];
    public bool HasErrors => Items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(YamlValueNode? node, string field, string message) =>
        Add(DiagnosticSeverity.Error, At(node), field, message);

    public void Error(SourceLocation location, string field, string message) =>
        Add(DiagnosticSeverity.Error, location, field, message);

    public void Warning(YamlValueNode? node, string field, string message) =>
        Add(DiagnosticSeverity.Warning, At(node), field, message);

    public void Warning(SourceLocation location, string field, string message) =>
        Add(DiagnosticSeverity.Warning, location, field, message);

    public SourceLocation At(YamlValueNode? node) => node?.Location(File) ?? SourceLocation.None(File);

    private void Add(DiagnosticSeverity severity, SourceLocation location, string field, string message) =>
        Items.Add(new PlaybookDiagnostic(severity, location, field, message));
}
