using System.Text.Json;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Engine;

/// <summary>One invalid edited parameter: the field and why.</summary>
public sealed record ParameterProblem(string Field, string Message);

/// <summary>
/// Edited step parameters (re-run from the debug panel): checked against the step type's schema by the API and the
/// engine alike, then merged over the step's own parameters.
/// </summary>
public static class ParameterOverrides
{
    /// <summary>Checks each edited value: known parameter (unless the type accepts any), type, allowed values, required.
    /// Values containing a template (<c>{{ }}</c>) are checked when the step runs.</summary>
    public static IReadOnlyList<ParameterProblem> Validate(StepTypeDescriptor descriptor, IReadOnlyDictionary<string, object?> overrides)
    {
        var problems = new List<ParameterProblem>();
        foreach (var (name, raw) in overrides)
        {
            var value = Plain(raw);
            var schema = descriptor.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (schema is null)
            {
                if (!descriptor.AllowAdditionalParameters)
                    problems.Add(new(name, $"'{name}' is not a parameter of step type {descriptor.Type}; valid: " +
                        (descriptor.Parameters.Count == 0 ? "none" : string.Join(", ", descriptor.Parameters.Select(p => p.Name)))));
                continue;
            }
            if (value is null)
            {
                if (schema.Required && schema.Default is null) problems.Add(new(name, $"parameter '{name}' is required"));
                continue;
            }
            if (value is string text && text.Contains("{{", StringComparison.Ordinal)) continue;
            try
            {
                var coerced = ValueCoercion.Coerce(value, schema.Type, name);
                if (schema.AllowedValues is { Count: > 0 } allowed && coerced is string s && !allowed.Contains(s))
                    problems.Add(new(name, $"parameter '{name}' must be one of {string.Join(", ", allowed)}, got '{s}'"));
            }
            catch (FormatException ex)
            {
                problems.Add(new(name, schema.Secret ? $"parameter '{name}' has the wrong type for {schema.Type.ToString().ToLowerInvariant()}" : ex.Message));
            }
        }
        return problems;
    }

    /// <summary>The step's parameters with the edits applied (null removes a parameter).</summary>
    public static IReadOnlyDictionary<string, object?> Apply(IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, object?> overrides)
    {
        var merged = new Dictionary<string, object?>(parameters, StringComparer.Ordinal);
        foreach (var (name, raw) in overrides)
        {
            var value = Plain(raw);
            if (value is null) merged.Remove(name);
            else merged[name] = value;
        }
        return merged;
    }

    /// <summary>Edits as received in JSON (a <see cref="JsonElement"/> object) become plain .NET values.</summary>
    public static IReadOnlyDictionary<string, object?> FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, object?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new JsonException("the edited parameters must be a JSON object");
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal);
    }

    private static object? Plain(object? value) => Plugins.StepValues.Plain(value);

    private static object? Plain(JsonElement element) => Plugins.StepValues.FromJson(element);
}

/// <summary>A re-run the loop takes at its next boundary.</summary>
internal sealed record RerunRequest(PlaybookStep Step, int Index, IReadOnlyDictionary<string, object?> Overrides);

/// <summary>The steps a paused loop can re-run: the one it is paused at and the one before it. At top level also where
/// it is paused and how its pending steps are replaced (<see cref="ReplacePending"/> returns the targets after the edit,
/// or throws <see cref="InvalidOperationException"/> with why not); null in a nested playbook.</summary>
internal sealed record RerunTargets(IReadOnlyList<(PlaybookStep Step, int Index, string Path)> Steps)
{
    public int PausedIndex { get; init; }

    public Func<Execution.PendingStepsReplacement, RerunTargets>? ReplacePending { get; init; }
}
