using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IgnitionToolkit.Plugins.Ai.Authoring;

/// <summary>A top-level step's block in a playbook file: where it is and its text (dedented).</summary>
public sealed record StepBlock(int Start, int Length, int Indent, string Text);

/// <summary>Finds and replaces one step's block in a playbook's text, leaving every other line (and comment) as it is.</summary>
public static class PlaybookStepText
{
    public static StepBlock? Find(string yaml, string stepId)
    {
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlException)
        {
            return null;
        }
        if (root is null || !root.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) || steps is not YamlSequenceNode sequence) return null;
        var items = sequence.Children.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlMappingNode step || !step.Children.TryGetValue(new YamlScalarNode("id"), out var id) || (id as YamlScalarNode)?.Value != stepId) continue;
            // A block mapping's node marks only its start: it ends where the next item's "- " begins, or at the next
            // top-level key (or the end of the file) for the last step.
            var start = (int)step.Start.Index;
            var keys = root.Children.Keys.ToList();
            var after = keys.IndexOf(new YamlScalarNode("steps")) + 1;
            var end = i + 1 < items.Count ? (int)items[i + 1].Start.Index : after < keys.Count ? (int)keys[after].Start.Index : yaml.Length;
            var raw = yaml[start..end].TrimEnd();
            if (i + 1 < items.Count && raw.EndsWith('-')) raw = raw[..^1].TrimEnd();
            var indent = (int)step.Start.Column - 1;
            return new StepBlock(start, raw.Length, indent, Dedent(raw, indent));
        }
        return null;
    }

    /// <summary><paramref name="yaml"/> with the step <paramref name="stepId"/> replaced by <paramref name="stepYaml"/>
    /// (a mapping with the same or another id); null when the step is not a top-level step of the file.</summary>
    public static string? Replace(string yaml, string stepId, string stepYaml)
    {
        if (Find(yaml, stepId) is not { } block) return null;
        var lines = stepYaml.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var indented = string.Join('\n', lines.Select((line, i) => i == 0 || line.Length == 0 ? line : new string(' ', block.Indent) + line));
        return yaml[..block.Start] + indented + yaml[(block.Start + block.Length)..];
    }

    private static string Dedent(string text, int indent)
    {
        var prefix = new string(' ', indent);
        return string.Join('\n', text.Split('\n').Select(line => line.StartsWith(prefix, StringComparison.Ordinal) ? line[indent..] : line.TrimStart()));
    }
}
