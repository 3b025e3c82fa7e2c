using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>The pending steps of a playbook (edit while paused): <see cref="Edited"/> is the whole playbook text with
/// the top-level steps from <see cref="FromIndex"/> on replaced; <see cref="Validation"/> its load result with the
/// diagnostics inside the edited steps at their line in the edited text (the editor's lines).</summary>
public sealed record PendingStepsEdit(int FromIndex, string Edited, PlaybookLoadResult Validation);

/// <summary>
/// Cuts the top-level steps not yet run out of a playbook's text (as the user edits them: a YAML list of steps, first
/// column unindented) and splices an edited list back in, leaving every other line (header, steps already run) as it
/// was. Validation is the library's own loader on the spliced text, so the edited steps are held to the same rules
/// (ids unique across the whole playbook, templates referring to earlier steps and parameters, step schemas).
/// </summary>
public static class PendingStepsText
{
    /// <summary>The text of the top-level steps from <paramref name="fromIndex"/> on, dedented to a YAML list.</summary>
    public static string Extract(string playbookYaml, int fromIndex)
    {
        var region = Locate(playbookYaml, fromIndex);
        var lines = Lines(playbookYaml);
        return string.Join('\n', lines.Skip(region.StartLine - 1).Take(region.EndLine - region.StartLine + 1)
            .Select(l => Dedent(l, region.Indent))).TrimEnd() + "\n";
    }

    /// <summary>Replaces the steps from <paramref name="fromIndex"/> on with <paramref name="stepsYaml"/> (a YAML list of
    /// steps, possibly empty) and validates the result with <paramref name="loader"/>. Diagnostics inside the edited
    /// steps name their line in <paramref name="stepsYaml"/> and the file <paramref name="editorName"/>.</summary>
    public static PendingStepsEdit Apply(IPlaybookLoader loader, string playbookYaml, string sourcePath, int fromIndex, string stepsYaml, string editorName,
        IPlaybookSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        Region region;
        try
        {
            region = Locate(playbookYaml, fromIndex);
        }
        catch (InvalidOperationException ex)
        {
            var refused = new PlaybookDiagnostic(DiagnosticSeverity.Error, new SourceLocation(editorName, 1, 1), "steps", ex.Message);
            return new PendingStepsEdit(fromIndex, playbookYaml, new PlaybookLoadResult(null, [refused]));
        }
        if (CheckList(stepsYaml, editorName) is { } notAList)
            return new PendingStepsEdit(fromIndex, playbookYaml, new PlaybookLoadResult(null, [notAList]));
        var lines = Lines(playbookYaml);
        var trimmed = stepsYaml.Replace("\r\n", "\n").TrimEnd();
        List<string> edited = trimmed.Trim() is "" or "[]" ? [] : Lines(trimmed);
        var pad = new string(' ', region.Indent);
        var spliced = lines.Take(region.StartLine - 1)
            .Concat(edited.Select(l => l.Length == 0 ? l : pad + l))
            .Concat(lines.Skip(region.EndLine))
            .ToList();
        var text = string.Join('\n', spliced) + "\n";
        var result = loader.Load(text, sourcePath, source);
        var first = region.StartLine;
        var last = region.StartLine + edited.Count - 1;
        var mapped = result.Diagnostics.Select(d => d.Location.File == sourcePath && d.Location.Line >= first && d.Location.Line <= last
            ? d with { Location = new SourceLocation(editorName, d.Location.Line - first + 1, Math.Max(1, d.Location.Column - region.Indent)) }
            : d).ToList();
        return new PendingStepsEdit(fromIndex, text, result with { Diagnostics = mapped });
    }

    /// <summary>The edited text must be a YAML list (or nothing): then, indented as the playbook's steps, it cannot reach
    /// past them into the playbook's other fields.</summary>
    private static PlaybookDiagnostic? CheckList(string stepsYaml, string editorName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(stepsYaml));
        }
        catch (YamlException ex)
        {
            return new PlaybookDiagnostic(DiagnosticSeverity.Error, new SourceLocation(editorName, (int)ex.Start.Line, (int)ex.Start.Column),
                "steps", "invalid YAML: " + ex.Message);
        }
        if (stream.Documents.Count > 1)
            return new PlaybookDiagnostic(DiagnosticSeverity.Error, new SourceLocation(editorName, (int)stream.Documents[1].RootNode.Start.Line, 1),
                "steps", "one YAML document only: the list of the steps not yet run");
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlSequenceNode) return null;
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" }) return null;
        return new PlaybookDiagnostic(DiagnosticSeverity.Error, new SourceLocation(editorName, (int)root.Start.Line, (int)root.Start.Column),
            "steps", "the steps not yet run must be a YAML list of steps (each starting with '- ')");
    }

    /// <summary>Lines of the text (1-based in <see cref="Region"/>), without line ends.</summary>
    private static List<string> Lines(string text) => [.. text.Replace("\r\n", "\n").Split('\n')];

    private static bool IsOuterComment(string line, int indent) =>
        line.TrimStart(' ').StartsWith('#') && line.Length - line.TrimStart(' ').Length < indent;

    private static string Dedent(string line, int indent)
    {
        var spaces = line.Length - line.TrimStart(' ').Length;
        return line[Math.Min(spaces, indent)..];
    }

    /// <summary>Lines <see cref="StartLine"/>..<see cref="EndLine"/> (1-based, inclusive; End = Start - 1 when empty) hold
    /// the pending steps; <see cref="Indent"/> is the column of their <c>-</c> (0-based).</summary>
    private readonly record struct Region(int StartLine, int EndLine, int Indent);

    private static Region Locate(string playbookYaml, int fromIndex)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(playbookYaml));
        }
        catch (YamlException ex)
        {
            throw new InvalidOperationException("the playbook text cannot be read: " + ex.Message, ex);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root ||
            !root.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode) || stepsNode is not YamlSequenceNode steps)
            throw new InvalidOperationException("the playbook has no list of steps");
        if (steps.Style == YamlDotNet.Core.Events.SequenceStyle.Flow || steps.Children.Count == 0)
            throw new InvalidOperationException("only steps written as a block list (one '- ' per step) can be edited");
        if (fromIndex < 0 || fromIndex > steps.Children.Count)
            throw new InvalidOperationException($"the playbook has {steps.Children.Count} steps; there is no step {fromIndex + 1}");
        var lines = Lines(playbookYaml);
        var firstLine = (int)steps.Children[0].Start.Line;
        var indent = lines[firstLine - 1].Length - lines[firstLine - 1].TrimStart(' ').Length;
        // the list ends before the next top-level key (YAML marks of a block list do not say where it ends) or at the end
        var nextKey = root.Children.Keys.Select(k => (int)k.Start.Line).Where(l => l > firstLine).DefaultIfEmpty(lines.Count + 1).Min();
        var endLine = nextKey - 1;
        while (endLine > firstLine && (string.IsNullOrWhiteSpace(lines[endLine - 1]) || IsOuterComment(lines[endLine - 1], indent))) endLine--;
        if (fromIndex == steps.Children.Count) return new Region(endLine + 1, endLine, indent);
        var startLine = (int)steps.Children[fromIndex].Start.Line;
        if (!lines[startLine - 1].TrimStart(' ').StartsWith('-'))
            throw new InvalidOperationException("only steps written as a block list (one '- ' per step) can be edited");
        return new Region(startLine, endLine, indent);
    }
}
