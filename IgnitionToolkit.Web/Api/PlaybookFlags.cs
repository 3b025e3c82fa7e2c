using System.Text.Json;
using System.Text.RegularExpressions;
using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>Enable/disable of a playbook: the <c>metadata.enabled</c> flag, written into the YAML text so comments and
/// layout stay as the author wrote them (the API keeps a backup of the previous file on save).</summary>
public static partial class PlaybookFlags
{
    public static bool IsEnabled(PlaybookSummaryModel summary) =>
        summary.Metadata?.TryGetValue("enabled", out var value) != true || value.ValueKind switch
        {
            JsonValueKind.False => false,
            JsonValueKind.String => !string.Equals(value.GetString(), "false", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };

    /// <summary>The YAML with <c>metadata.enabled</c> set, or null when the metadata is written in a form this cannot edit
    /// (e.g. flow style <c>metadata: {...}</c>).</summary>
    public static string? SetEnabled(string yaml, bool enabled)
    {
        var newline = yaml.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = yaml.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var value = enabled ? "true" : "false";
        var start = lines.FindIndex(l => MetadataLine().IsMatch(l));
        if (start < 0)
        {
            if (lines.Any(l => l.StartsWith("metadata:", StringComparison.Ordinal))) return null;
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            lines.AddRange(["", "metadata:", $"  enabled: {value}", ""]);
            return string.Join(newline, lines);
        }
        string? indent = null;
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!char.IsWhiteSpace(line[0])) break; // next top-level key: the metadata block ended
            var lead = line[..(line.Length - line.TrimStart().Length)];
            indent ??= lead;
            var match = ChildLine().Match(line);
            if (match.Success && lead == indent && match.Groups[1].Value == "enabled")
            {
                lines[i] = $"{indent}enabled: {value}";
                return string.Join(newline, lines);
            }
        }
        lines.Insert(start + 1, $"{indent ?? "  "}enabled: {value}");
        return string.Join(newline, lines);
    }

    [GeneratedRegex(@"^metadata:\s*(#.*)?$")]
    private static partial Regex MetadataLine();

    [GeneratedRegex(@"^\s+([A-Za-z0-9_]+)\s*:")]
    private static partial Regex ChildLine();
}
