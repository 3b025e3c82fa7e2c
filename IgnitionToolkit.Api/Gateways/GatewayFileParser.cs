using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IgnitionToolkit.Api.Gateways;

/// <summary>One gateway read from an import file, with the line it starts on.</summary>
public sealed record ParsedGateway(int Line, GatewayRequest Request);

/// <summary>What a file holds: the gateways it names and the errors found while reading it (line, field, message).</summary>
public sealed record ParsedGatewayFile(IReadOnlyList<ParsedGateway> Gateways, IReadOnlyList<GatewayImportError> Errors);

/// <summary>
/// Reads an inventory file: CSV (a header line; columns <c>name</c>, <c>url</c>, <c>description</c>, <c>credential</c>,
/// <c>concurrency_limit</c>; every other column is a tag such as <c>site</c>, <c>line</c>, <c>environment</c>) or YAML
/// (a list, or a map with a <c>gateways</c> list, of maps with the same fields and a <c>tags</c> map). CSV through
/// CsvHelper (quoting rules of RFC 4180), YAML through YamlDotNet's node model (line numbers of every value).
/// </summary>
public static class GatewayFileParser
{
    public const int MaxLines = 10_000;
    private static readonly string[] Fields = ["name", "url", "description", "credential", "credential_name", "concurrency_limit", "tags"];

    public static ParsedGatewayFile Parse(string content, string format) =>
        format == "csv" ? ParseCsv(content) : ParseYaml(content);

    private static ParsedGatewayFile ParseCsv(string content)
    {
        var gateways = new List<ParsedGateway>();
        var errors = new List<GatewayImportError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, IgnoreBlankLines = true, DetectDelimiter = true };
        using var reader = new StringReader(content);
        using var parser = new CsvParser(reader, config);
        try
        {
            if (!parser.Read()) return new([], [new GatewayImportError(1, "header", "the file is empty: the first line names the columns (name,url,credential,...)")]);
            var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (!header.Contains("name") || !header.Contains("url"))
                errors.Add(new GatewayImportError(parser.RawRow, "header", $"the header needs the columns 'name' and 'url' (found: {string.Join(", ", header)})"));
            foreach (var duplicate in header.GroupBy(h => h).Where(g => g.Count() > 1))
                errors.Add(new GatewayImportError(parser.RawRow, duplicate.Key, $"the column '{duplicate.Key}' appears twice in the header"));
            if (errors.Count > 0) return new([], errors);
            while (parser.Read())
            {
                var line = parser.RawRow;
                if (gateways.Count >= MaxLines) { errors.Add(new GatewayImportError(line, "file", $"at most {MaxLines} gateways per file")); break; }
                var cells = parser.Record!;
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (cells.Length != header.Length)
                {
                    errors.Add(new GatewayImportError(line, "line", $"{cells.Length} value(s) for {header.Length} column(s)"));
                    continue;
                }
                var values = header.Zip(cells).ToDictionary(x => x.First, x => x.Second.Trim(), StringComparer.Ordinal);
                var tags = values.Where(v => !Fields.Contains(v.Key) && v.Value.Length > 0).ToDictionary(v => v.Key, v => (string?)v.Value);
                if (!TryLimit(values.GetValueOrDefault("concurrency_limit"), line, errors, out var limit)) continue;
                gateways.Add(new ParsedGateway(line, new GatewayRequest(
                    Empty(values.GetValueOrDefault("name")), Empty(values.GetValueOrDefault("url")), Empty(values.GetValueOrDefault("description")),
                    tags, Empty(values.GetValueOrDefault("credential")) ?? Empty(values.GetValueOrDefault("credential_name")), limit)));
            }
        }
        catch (CsvHelperException ex)
        {
            errors.Add(new GatewayImportError(parser.RawRow, "file", $"not a readable CSV file: {ex.Message.Split('\n')[0]}"));
        }
        return new(gateways, errors);
    }

    private static ParsedGatewayFile ParseYaml(string content)
    {
        var gateways = new List<ParsedGateway>();
        var errors = new List<GatewayImportError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException ex)
        {
            return new([], [new GatewayImportError((int)ex.Start.Line, "file", $"not valid YAML: {ex.Message}")]);
        }
        var root = stream.Documents.FirstOrDefault()?.RootNode;
        if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("gateways"), out var list)) root = list;
        if (root is not YamlSequenceNode items)
            return new([], [new GatewayImportError(root is null ? 1 : Line(root), "gateways", "expected a list of gateways (or a map with a 'gateways' list)")]);
        foreach (var item in items.Children)
        {
            var line = Line(item);
            if (gateways.Count >= MaxLines) { errors.Add(new GatewayImportError(line, "file", $"at most {MaxLines} gateways per file")); break; }
            if (item is not YamlMappingNode gateway)
            {
                errors.Add(new GatewayImportError(line, "gateways", "each gateway is a map (name, url, credential, tags, concurrency_limit)"));
                continue;
            }
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var valueLines = new Dictionary<string, int>(StringComparer.Ordinal);
            var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (keyNode, valueNode) in gateway.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
                if (key == "tags")
                {
                    if (valueNode is not YamlMappingNode tagMap) { errors.Add(new GatewayImportError(Line(valueNode), "tags", "tags is a map, e.g. { site: north, line: \"3\" }")); ok = false; continue; }
                    foreach (var (tagKey, tagValue) in tagMap.Children)
                    {
                        if (tagValue is YamlScalarNode scalar) tags[(tagKey as YamlScalarNode)?.Value ?? ""] = scalar.Value;
                        else { errors.Add(new GatewayImportError(Line(tagValue), $"tags.{(tagKey as YamlScalarNode)?.Value}", "a tag value is text")); ok = false; }
                    }
                }
                else if (!Fields.Contains(key))
                {
                    errors.Add(new GatewayImportError(Line(keyNode), key, $"unknown field '{key}'; a gateway has: name, url, description, credential, concurrency_limit, tags"));
                    ok = false;
                }
                else if (valueNode is YamlScalarNode scalar) { values[key] = scalar.Value; valueLines[key] = Line(valueNode); }
                else { errors.Add(new GatewayImportError(Line(valueNode), key, $"{key} is a single value")); ok = false; }
            }
            if (!TryLimit(values.GetValueOrDefault("concurrency_limit"), valueLines.GetValueOrDefault("concurrency_limit", line), errors, out var limit) || !ok) continue;
            gateways.Add(new ParsedGateway(line, new GatewayRequest(
                Empty(values.GetValueOrDefault("name")), Empty(values.GetValueOrDefault("url")), Empty(values.GetValueOrDefault("description")),
                tags, Empty(values.GetValueOrDefault("credential")) ?? Empty(values.GetValueOrDefault("credential_name")), limit)));
        }
        return new(gateways, errors);
    }

    private static bool TryLimit(string? text, int line, List<GatewayImportError> errors, out int? limit)
    {
        limit = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) { limit = value; return true; }
        errors.Add(new GatewayImportError(line, "concurrency_limit", $"concurrency_limit must be a whole number, not '{text}'"));
        return false;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
