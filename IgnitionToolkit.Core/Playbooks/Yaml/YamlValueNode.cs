using YamlDotNet.Core;

namespace IgnitionToolkit.Core.Playbooks.Yaml;

internal enum YamlNodeKind { Scalar, Sequence, Mapping }

/// <summary>A YAML node with its position in the source text. Aliases share the anchored node.</summary>
internal sealed class YamlValueNode
{
    public required YamlNodeKind Kind { get; init; }
    public required Mark Start { get; init; }
    public Mark End { get; set; }
    /// <summary>Standard tag (e.g. <c>tag:yaml.org,2002:str</c>) or null.</summary>
    public string? Tag { get; init; }
    public string Text { get; init; } = "";
    public ScalarStyle Style { get; init; }
    public List<YamlValueNode> Items { get; } = [];
    public List<KeyValuePair<YamlValueNode, YamlValueNode>> Entries { get; } = [];
    /// <summary>Keys seen so far while reading (duplicate detection).</summary>
    public HashSet<string> KeySet { get; } = new(StringComparer.Ordinal);
    /// <summary>Number of nodes this node stands for once aliases are expanded.</summary>
    public long Weight { get; set; } = 1;

    public bool IsScalar => Kind == YamlNodeKind.Scalar;
    public bool IsMapping => Kind == YamlNodeKind.Mapping;
    public bool IsSequence => Kind == YamlNodeKind.Sequence;
    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    public SourceLocation Location(string file) => new(file, (int)Start.Line, (int)Start.Column);

    public YamlValueNode? this[string key] =>
        Entries.FirstOrDefault(e => e.Key.IsScalar && e.Key.Text == key).Value;

    /// <summary>The key node of an entry of this map, or null.</summary>
    public YamlValueNode? KeyNode(string key) =>
        Entries.FirstOrDefault(e => e.Key.IsScalar && e.Key.Text == key).Key;

    public string KindName => Kind switch
    {
        YamlNodeKind.Mapping => "a map",
        YamlNodeKind.Sequence => "a list",
        _ => "a value",
    };
}
