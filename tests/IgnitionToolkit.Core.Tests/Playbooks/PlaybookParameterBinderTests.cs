using System.Text.Json;
using IgnitionToolkit.Core.Playbooks;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class PlaybookParameterBinderTests
{
    private static readonly Playbook Playbook = Load("""
        name: p
        version: '1'
        parameters:
          - {name: count, type: integer}
          - {name: ratio, type: float, default: 0.5}
          - {name: loud, type: boolean, required: false}
          - {name: tags, type: list, default: [a]}
          - {name: cfg, type: dict, required: false}
          - {name: who, type: string, default: world}
        steps:
          - {id: w, type: utility.wait}
        """).Playbook!;

    [Fact]
    public void Text_values_from_the_command_line_are_converted_to_the_declared_types()
    {
        var result = PlaybookParameterBinder.Bind(Playbook, new Dictionary<string, object?>
        {
            ["count"] = "3", ["ratio"] = "1.25", ["loud"] = "yes", ["tags"] = "[\"x\", 2]", ["cfg"] = "{\"port\": 8088}", ["who"] = "me",
        });
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(3L, result.Values["count"]);
        Assert.Equal(1.25, result.Values["ratio"]);
        Assert.Equal(true, result.Values["loud"]);
        Assert.Equal(new List<object?> { "x", 2L }, result.Values["tags"]);
        Assert.Equal(8088L, ((Dictionary<string, object?>)result.Values["cfg"]!)["port"]);
        Assert.Equal("me", result.Values["who"]);
    }

    [Fact]
    public void Json_values_from_the_api_are_converted()
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{"count": 7, "tags": ["a", true]}""")!;
        var result = PlaybookParameterBinder.Bind(Playbook, json.ToDictionary(e => e.Key, e => (object?)e.Value));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(7L, result.Values["count"]);
        Assert.Equal(new List<object?> { "a", true }, result.Values["tags"]);
    }

    [Fact]
    public void Defaults_apply_and_optional_parameters_without_default_are_null()
    {
        var result = PlaybookParameterBinder.Bind(Playbook, new Dictionary<string, object?> { ["count"] = 1L });
        Assert.True(result.IsValid);
        Assert.Equal(0.5, result.Values["ratio"]);
        Assert.Equal("world", result.Values["who"]);
        Assert.Null(result.Values["loud"]);
        Assert.True(result.Values.ContainsKey("cfg"));
    }

    [Fact]
    public void Missing_required_and_unconvertible_values_are_all_reported()
    {
        var result = PlaybookParameterBinder.Bind(Playbook, new Dictionary<string, object?> { ["ratio"] = "fast", ["loud"] = "maybe" });
        Assert.Equal(
        [
            "parameter 'count' (integer) is required",
            "parameter 'ratio' must be float, got 'fast'",
            "parameter 'loud' must be boolean, got 'maybe'",
        ], result.Errors);
    }
}
