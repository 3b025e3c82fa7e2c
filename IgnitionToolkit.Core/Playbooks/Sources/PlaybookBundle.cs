using IgnitionToolkit.Core.Playbooks.Loading;
using IgnitionToolkit.Core.Playbooks.Templates;
using IgnitionToolkit.Core.Playbooks.Yaml;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>Gathers the nested playbooks a playbook runs, so they can travel with it (e.g. to a Runner).</summary>
public static class PlaybookBundle
{
    private const int MaxDepth = 16;

    /// <summary>Canonical path → text of every playbook <paramref name="root"/> runs through <c>playbook.run</c>,
    /// recursively. Children that cannot be found or read are left out (validation reports them).</summary>
    public static IReadOnlyDictionary<string, string> Collect(Playbook root, IPlaybookSource source)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(source);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var references = root.Steps
            .Where(s => s.Type == NestedPlaybookChecker.RunType)
            .Select(s => s.Parameters.GetValueOrDefault(NestedPlaybookChecker.PlaybookParameter) as string);
        Visit(references, root.SourcePath, source, files, 0);
        return files;
    }

    private static void Visit(IEnumerable<string?> references, string fromPath, IPlaybookSource source,
        Dictionary<string, string> files, int depth)
    {
        if (depth >= MaxDepth) return;
        foreach (var reference in references)
        {
            if (string.IsNullOrWhiteSpace(reference) || TemplateSyntax.ContainsTemplate(reference)) continue;
            if (source.Find(reference, fromPath) is not { } child || files.ContainsKey(child.Path)) continue;
            files[child.Path] = child.Text;
            Visit(ChildReferences(child), child.Path, source, files, depth + 1);
        }
    }

    private static IEnumerable<string?> ChildReferences(PlaybookSourceFile child)
    {
        var root = SafeYamlReader.Read(child.Text, child.Path, PlaybookLoaderOptions.Default).Root;
        if (root?["steps"] is not { IsSequence: true } steps) return [];
        return steps.Items
            .Where(s => s.IsMapping && s["type"] is { IsScalar: true } type && type.Text == NestedPlaybookChecker.RunType)
            .Select(s => s["parameters"]?[NestedPlaybookChecker.PlaybookParameter] is { IsScalar: true } p ? p.Text : null);
    }
}
