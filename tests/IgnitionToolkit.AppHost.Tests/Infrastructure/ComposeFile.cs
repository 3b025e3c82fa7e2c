using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace IgnitionToolkit.AppHost.Tests.Infrastructure;

/// <summary>docker-compose.yml read as plain dictionaries, with YAML merge keys (&lt;&lt;: *anchor) applied.</summary>
public sealed class ComposeFile
{
    private readonly Dictionary<object, object?> root;

    private ComposeFile(Dictionary<object, object?> root) => this.root = root;

    public static ComposeFile Load(string path)
    {
        using var reader = new StreamReader(path);
        var deserializer = new DeserializerBuilder().Build();
        var root = deserializer.Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(reader)));
        return new ComposeFile(root);
    }

    public IReadOnlyDictionary<string, Dictionary<object, object?>> Services =>
        Map(root, "services").ToDictionary(p => (string)p.Key, p => (Dictionary<object, object?>)p.Value!);

    public IReadOnlyList<string> Profiles(string service) =>
        Services[service].TryGetValue("profiles", out var list) && list is List<object> items
            ? items.Select(i => (string)i).ToList()
            : [];

    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Services[service].TryGetValue("environment", out var env) && env is Dictionary<object, object?> map
            ? map.ToDictionary(p => (string)p.Key, p => p.Value?.ToString() ?? "")
            : new Dictionary<string, string>();

    private static Dictionary<object, object?> Map(Dictionary<object, object?> parent, string key) =>
        parent.TryGetValue(key, out var value) && value is Dictionary<object, object?> map
            ? map
            : throw new InvalidOperationException($"docker-compose.yml: '{key}' is missing or not a mapping");
}
