using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Problems;

/// <summary>A validation finding as returned by the API: file, line, column and field always present.</summary>
public sealed record DiagnosticDto(string Severity, string File, int Line, int Column, string Field, string Message)
{
    public static DiagnosticDto From(PlaybookDiagnostic d) => new(
        d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
        d.Location.File, d.Location.Line, d.Location.Column, d.Field, d.Message);

    public static IReadOnlyList<DiagnosticDto> From(IEnumerable<PlaybookDiagnostic> diagnostics) =>
        diagnostics.Select(From).ToList();
}
