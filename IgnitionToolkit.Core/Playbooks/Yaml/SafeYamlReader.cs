using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IgnitionToolkit.Core.Playbooks.Yaml;

/// <summary>The outcome of reading YAML text: the root node, or the errors that stopped reading.</summary>
internal sealed record YamlReadResult(YamlValueNode? Root, IReadOnlyList<PlaybookDiagnostic> Errors);

/// <summary>
/// Reads one YAML document into <see cref="YamlValueNode"/>s through YamlDotNet's event parser, refusing
/// hostile input cleanly: oversize files, alias bombs, deep nesting, custom tags, duplicate keys, several documents.
/// </summary>
internal static partial class SafeYamlReader
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";
    private static readonly HashSet<string> AllowedTags =
        new[] { "str", "int", "float", "bool", "null", "map", "seq" }.Select(t => CoreTagPrefix + t).ToHashSet();

    public static YamlReadResult Read(string text, string file, PlaybookLoaderOptions options)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > options.MaxFileBytes)
            return Fail(SourceLocation.None(file), "file",
                $"the file is {bytes:N0} bytes; playbooks are limited to {options.MaxFileBytes:N0} bytes");

        var state = new ReadState(file, options);
        var lastGood = new Mark(0, 1, 1);
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext() && state.Continue)
            {
                state.Accept(parser.Current!);
                lastGood = parser.Current!.End;
            }
        }
        catch (YamlException ex)
        {
            return Fail(At(file, ex.Start), "yaml", "YAML syntax error: " + CleanMessage(ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet occasionally fails this way on malformed input instead of raising a YamlException.
            return Fail(At(file, lastGood), "yaml", "YAML syntax error: the text after this point is not valid YAML");
        }

        if (state.Errors.Count > 0) return new YamlReadResult(null, state.Errors);
        if (state.Root is null) return Fail(new SourceLocation(file, 1, 1), "file", "the file is empty");
        return new YamlReadResult(state.Root, []);
    }

    internal static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static YamlReadResult Fail(SourceLocation location, string field, string message) =>
        new(null, [new PlaybookDiagnostic(DiagnosticSeverity.Error, location, field, message)]);

    private static string CleanMessage(string message) => MarkPrefix().Replace(message, "").Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private sealed class ReadState(string file, PlaybookLoaderOptions options)
    {
        private readonly Stack<YamlValueNode> _open = new();
        private readonly Dictionary<string, YamlValueNode> _anchors = new(StringComparer.Ordinal);
        private int _aliases;
        private long _expanded;
        private int _documents;

        public List<PlaybookDiagnostic> Errors { get; } = [];
        public YamlValueNode? Root { get; private set; }
        public bool Continue { get; private set; } = true;

        public void Accept(ParsingEvent ev)
        {
            switch (ev)
            {
                case DocumentStart ds when !ds.IsImplicit || _documents > 0:
                    if (++_documents > 1) Stop(ev.Start, "file", "a playbook file must hold exactly one YAML document");
                    break;
                case DocumentStart:
                    _documents++;
                    break;
                case Scalar scalar:
                    Add(new YamlValueNode
                    {
                        Kind = YamlNodeKind.Scalar, Start = scalar.Start, End = scalar.End,
                        Tag = CheckTag(scalar), Text = scalar.Value, Style = scalar.Style,
                    }, scalar);
                    break;
                case SequenceStart seq:
                    Open(new YamlValueNode { Kind = YamlNodeKind.Sequence, Start = seq.Start, Tag = CheckTag(seq) }, seq);
                    break;
                case MappingStart map:
                    Open(new YamlValueNode { Kind = YamlNodeKind.Mapping, Start = map.Start, Tag = CheckTag(map) }, map);
                    break;
                case SequenceEnd or MappingEnd:
                    Close(ev);
                    break;
                case AnchorAlias alias:
                    AddAlias(alias);
                    break;
            }
        }

        private string? CheckTag(NodeEvent ev)
        {
            if (ev.Tag.IsEmpty || ev.Tag.IsNonSpecific) return null;
            var tag = ev.Tag.Value;
            if (AllowedTags.Contains(tag)) return tag;
            var shown = tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag[CoreTagPrefix.Length..] : tag;
            Error(ev.Start, "yaml", $"custom YAML tag '{shown}' is not allowed; playbooks use plain values only");
            return null;
        }

        private void Open(YamlValueNode node, NodeEvent ev)
        {
            if (_open.Count >= options.MaxYamlDepth)
            {
                Stop(ev.Start, "yaml", $"YAML is nested deeper than {options.MaxYamlDepth} levels");
                return;
            }
            Remember(node, ev);
            Count(1, ev.Start);
            _open.Push(node);
        }

        private void Close(ParsingEvent ev)
        {
            var node = _open.Pop();
            node.End = ev.End;
            if (node.IsMapping && node.Entries.Count > 0 && node.Entries[^1].Value is null)
            {
                var key = node.Entries[^1].Key;
                node.Entries[^1] = new(key, new YamlValueNode { Kind = YamlNodeKind.Scalar, Start = key.End, End = key.End });
            }
            if (node.IsMapping) ApplyMergeKeys(node);
            node.Weight = 1 + node.Items.Sum(i => i.Weight) + node.Entries.Sum(e => e.Key.Weight + e.Value.Weight);
            Attach(node);
        }

        /// <summary>YAML merge keys (<c>&lt;&lt;: *defaults</c>): entries of the merged maps that the map does not set itself.</summary>
        private void ApplyMergeKeys(YamlValueNode map)
        {
            var merges = map.Entries.Where(e => e.Key is { IsScalar: true, Style: ScalarStyle.Plain, Text: "<<" }).ToList();
            if (merges.Count == 0) return;
            map.Entries.RemoveAll(e => merges.Contains(e));
            foreach (var (key, value) in merges)
            {
                var sources = value.IsSequence ? value.Items : [value];
                foreach (var source in sources)
                {
                    if (!source.IsMapping)
                    {
                        Error(source.Start, "<<", "a merge key (<<) must refer to a map or a list of maps");
                        continue;
                    }
                    foreach (var entry in source.Entries.Where(e => map.KeySet.Add(e.Key.Text)))
                        map.Entries.Add(entry);
                }
            }
        }

        private void Add(YamlValueNode node, NodeEvent ev)
        {
            Remember(node, ev);
            Count(1, ev.Start);
            Attach(node);
        }

        private void AddAlias(AnchorAlias alias)
        {
            if (++_aliases > options.MaxAliasCount)
            {
                Stop(alias.Start, "yaml", $"too many YAML aliases (more than {options.MaxAliasCount})");
                return;
            }
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Stop(alias.Start, "yaml", $"YAML alias '*{alias.Value.Value}' refers to an unknown anchor");
                return;
            }
            if (_open.Contains(target))
            {
                Stop(alias.Start, "yaml", $"YAML alias '*{alias.Value.Value}' refers to a node that contains it");
                return;
            }
            Count(target.Weight, alias.Start);
            if (Continue) Attach(target);
        }

        private void Remember(YamlValueNode node, NodeEvent ev)
        {
            if (!ev.Anchor.IsEmpty) _anchors[ev.Anchor.Value] = node;
        }

        private void Attach(YamlValueNode node)
        {
            if (_open.Count == 0)
            {
                Root ??= node;
                return;
            }
            var parent = _open.Peek();
            if (parent.IsSequence)
            {
                parent.Items.Add(node);
            }
            else if (parent.Entries.Count > 0 && parent.Entries[^1].Value is null)
            {
                parent.Entries[^1] = new(parent.Entries[^1].Key, node);
            }
            else
            {
                AddKey(parent, node);
            }
        }

        private void AddKey(YamlValueNode map, YamlValueNode key)
        {
            if (!key.IsScalar)
                Error(key.Start, "yaml", "map keys must be plain values, not lists or maps");
            else if (!map.KeySet.Add(key.Text))
                Error(key.Start, key.Text, $"duplicate key '{key.Text}'");
            map.Entries.Add(new(key, null!));
        }

        private void Count(long weight, Mark at)
        {
            _expanded += weight;
            if (_expanded > options.MaxExpandedNodes && Continue)
                Stop(at, "yaml", $"YAML alias expansion is too large (more than {options.MaxExpandedNodes:N0} nodes)");
        }

        private void Error(Mark at, string field, string message) =>
            Errors.Add(new PlaybookDiagnostic(DiagnosticSeverity.Error, At(file, at), field, message));

        private void Stop(Mark at, string field, string message)
        {
            Error(at, field, message);
            Continue = false;
        }
    }
}
