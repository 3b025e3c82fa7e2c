using System.Text.Json;
using System.Text.Json.Serialization;
using IgnitionToolkit.Plugins.Ai.Chat;
using Microsoft.Extensions.AI;

namespace IgnitionToolkit.Plugins.Ai.Authoring;

/// <summary>One test of a <c>perspective.execute_test_manifest</c> manifest.</summary>
public sealed record ManifestTest(
    [property: JsonPropertyName("component_id")] string ComponentId,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("selector")] string Selector,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("expected")] string? Expected);

/// <summary>The model's structured answer.</summary>
public sealed record ManifestAnswer([property: JsonPropertyName("tests")] List<ManifestTest> Tests);

/// <summary>The manifest written: the tests that check out, those refused (with why), and how many answers it took.</summary>
public sealed record TestManifest(IReadOnlyList<ManifestTest> Tests, IReadOnlyList<string> Rejected, int Attempts);

/// <summary>
/// Writes a test manifest for <c>perspective.execute_test_manifest</c> from a <c>perspective.discover_page</c> inventory:
/// each test must click or fill a component of the inventory by its selector; tests that do not are sent back with the
/// reason until all check out or <c>maxAttempts</c> answers were given (then only the tests that check out are kept).
/// </summary>
public static class TestManifestWriter
{
    private const int MaxComponents = 200;

    private const string Instructions = " You write UI test manifests for perspective.execute_test_manifest. Each test: component_id (the " +
        "component's id), action (click or fill), selector (copied exactly from the inventory), value (text to type, fill only), expected " +
        "(what should happen, one sentence). Test only visible, enabled components; fill inputs and text areas, click the others.";

    public static async Task<TestManifest> WriteAsync(AiChat chat, IReadOnlyList<IReadOnlyDictionary<string, object?>> inventory, string? focus,
        int maxTests, int maxAttempts, CancellationToken cancellationToken)
    {
        var components = inventory.Take(MaxComponents).Select(Trim).ToList();
        var selectors = components.Select(c => c.GetValueOrDefault("selector") as string).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, Steps.AiStepSupport.System + Instructions),
            new(ChatRole.User, $"At most {maxTests} tests. {(string.IsNullOrWhiteSpace(focus) ? "" : $"Focus: {focus}. ")}Inventory:\n" +
                JsonSerializer.Serialize(components)),
        };
        List<ManifestTest> valid = [];
        List<string> rejected = [];
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var answer = await chat.AskAsync<ManifestAnswer>(messages, "a test manifest {tests: [...]}", cancellationToken);
            (valid, rejected) = Check(answer.Tests ?? [], selectors, maxTests);
            if (rejected.Count == 0 && valid.Count > 0) return new TestManifest(valid, [], attempt);
            messages.Add(new ChatMessage(ChatRole.Assistant, JsonSerializer.Serialize(answer)));
            messages.Add(new ChatMessage(ChatRole.User, valid.Count == 0 && rejected.Count == 0
                ? "The manifest has no tests. Answer with the complete manifest."
                : $"These tests are wrong:\n{string.Join('\n', rejected)}\n\nAnswer with the complete corrected manifest."));
            if (attempt == maxAttempts) return new TestManifest(valid, rejected, attempt);
        }
        return new TestManifest(valid, rejected, maxAttempts);
    }

    private static (List<ManifestTest> Valid, List<string> Rejected) Check(List<ManifestTest> tests, HashSet<string> selectors, int maxTests)
    {
        var valid = new List<ManifestTest>();
        var rejected = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            var action = test.Action?.Trim().ToLowerInvariant();
            string? problem = null;
            if (string.IsNullOrWhiteSpace(test.ComponentId)) problem = "component_id is empty";
            else if (!ids.Add(test.ComponentId)) problem = "component_id is used twice";
            else if (action is not ("click" or "fill")) problem = $"action '{test.Action}' is not click or fill";
            else if (string.IsNullOrEmpty(test.Selector) || !selectors.Contains(test.Selector)) problem = $"selector '{test.Selector}' is not in the inventory";
            else if (valid.Count >= maxTests) problem = $"more than {maxTests} tests";
            if (problem is null) valid.Add(test with { Action = action! });
            else rejected.Add($"- {test.ComponentId}: {problem}");
        }
        return (valid, rejected);
    }

    /// <summary>The fields of a component the model needs (the inventory has many more).</summary>
    private static Dictionary<string, object?> Trim(IReadOnlyDictionary<string, object?> component) =>
        new[] { "id", "type", "tagName", "selector", "label", "text", "placeholder", "componentPath", "visible", "disabled" }
            .Where(component.ContainsKey).ToDictionary(k => k, k => component[k] is string s && s.Length > 120 ? s[..120] : component[k], StringComparer.Ordinal);

    /// <summary>The manifest as the values <c>perspective.execute_test_manifest</c> takes (a list of maps).</summary>
    public static List<object?> ToStepValue(IEnumerable<ManifestTest> tests) =>
        [.. tests.Select(t => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["component_id"] = t.ComponentId, ["action"] = t.Action, ["selector"] = t.Selector, ["value"] = t.Value, ["expected"] = t.Expected,
        })];
}
