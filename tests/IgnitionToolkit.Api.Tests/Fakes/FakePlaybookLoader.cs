using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IgnitionToolkit.Api.Tests.Fakes;

/// <summary>
/// TEST FAKE — a minimal stand-in for the real PlaybookLoader (another branch), enough for the API's tests:
/// parses name/version/description/metadata/parameters/steps, reports YAML syntax errors, a missing name,
/// unknown step types and missing required step parameters with line and column, and nested playbooks not found.
/// </summary>
public sealed class FakePlaybookLoader(IStepCatalog catalog) : IPlaybookLoader
{
    public PlaybookLoadResult Load(string yaml, string sourcePath, IPlaybookSource? source = null)
    {
        var diagnostics = new List<PlaybookDiagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Error(sourcePath, (int)ex.Start.Line, (int)ex.Start.Column, "yaml", ex.Message));
            return new PlaybookLoadResult(null, diagnostics);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(Error(sourcePath, 1, 1, "playbook", "a playbook must be a mapping"));
            return new PlaybookLoadResult(null, diagnostics);
        }

        var name = Scalar(root, "name");
        if (name is null) diagnostics.Add(Error(sourcePath, (int)root.Start.Line, (int)root.Start.Column, "name", "name is required"));
        var parameters = new List<PlaybookParameter>();
        if (Child(root, "parameters") is YamlSequenceNode ps)
        {
            foreach (var p in ps.Children.OfType<YamlMappingNode>())
            {
                var type = Enum.TryParse<ParameterType>(Scalar(p, "type") ?? "string", true, out var t) ? t : ParameterType.String;
                parameters.Add(new PlaybookParameter(Scalar(p, "name") ?? "", type, Scalar(p, "required") == "true",
                    Scalar(p, "default"), Scalar(p, "description"), Loc(sourcePath, p)));
            }
        }
        var steps = new List<PlaybookStep>();
        var ids = new HashSet<string>();
        if (Child(root, "steps") is YamlSequenceNode ss)
        {
            foreach (var s in ss.Children.OfType<YamlMappingNode>())
                steps.Add(ReadStep(s, sourcePath, ids, diagnostics, source));
        }
        var metadata = new Dictionary<string, object?>();
        if (Child(root, "metadata") is YamlMappingNode meta)
        {
            foreach (var (k, v) in meta.Children)
                metadata[((YamlScalarNode)k).Value!] = v is YamlSequenceNode seq
                    ? seq.Children.Select(c => (object?)((YamlScalarNode)c).Value).ToList()
                    : (v as YamlScalarNode)?.Value;
        }
        var playbook = name is null ? null : new Playbook(name, Scalar(root, "version") ?? "1.0", Scalar(root, "description"),
            parameters, steps, metadata, sourcePath);
        return new PlaybookLoadResult(playbook, diagnostics);
    }

    private PlaybookStep ReadStep(YamlMappingNode s, string file, HashSet<string> ids, List<PlaybookDiagnostic> diagnostics, IPlaybookSource? source)
    {
        var id = Scalar(s, "id") ?? "";
        if (!ids.Add(id)) diagnostics.Add(Error(file, (int)s.Start.Line, (int)s.Start.Column, "id", $"duplicate step id '{id}'"));
        var typeNode = Child(s, "type");
        var type = (typeNode as YamlScalarNode)?.Value ?? "";
        var lookup = catalog.Lookup(type);
        var prefix = $"steps[{id}]";
        if (!lookup.Found)
        {
            var at = typeNode ?? s;
            diagnostics.Add(Error(file, (int)at.Start.Line, (int)at.Start.Column, $"{prefix}.type",
                $"unknown step type '{type}'; valid types: {string.Join(", ", catalog.Descriptors.Select(d => d.Type))}"));
        }
        var stepParameters = new Dictionary<string, object?>();
        if (Child(s, "parameters") is YamlMappingNode pm)
        {
            foreach (var (k, v) in pm.Children) stepParameters[((YamlScalarNode)k).Value!] = (v as YamlScalarNode)?.Value;
        }
        foreach (var required in lookup.Descriptor?.Parameters.Where(p => p.Required) ?? [])
        {
            if (!stepParameters.ContainsKey(required.Name))
                diagnostics.Add(Error(file, (int)s.Start.Line, (int)s.Start.Column, $"{prefix}.parameters.{required.Name}",
                    $"missing required parameter '{required.Name}'"));
        }
        if (lookup.Descriptor?.Type == "playbook.run" && source is not null && stepParameters.GetValueOrDefault("playbook") is string nested
            && source.Find(nested, file) is null)
            diagnostics.Add(Error(file, (int)s.Start.Line, (int)s.Start.Column, $"{prefix}.parameters.playbook", $"nested playbook '{nested}' not found"));
        return new PlaybookStep(id, Scalar(s, "name") ?? id, lookup.Descriptor?.Type ?? type, stepParameters, FailureAction.Abort,
            PlaybookStep.DefaultTimeout, 0, PlaybookStep.DefaultRetryDelay, Loc(file, s));
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static SourceLocation Loc(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static PlaybookDiagnostic Error(string file, int line, int column, string field, string message) =>
        new(DiagnosticSeverity.Error, new SourceLocation(file, line, column), field, message);
}
