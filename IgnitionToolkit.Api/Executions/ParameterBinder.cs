using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Executions;

public sealed record BoundParameters(string Json, string MaskedJson, IReadOnlyList<DiagnosticDto> Errors);

/// <summary>Checks start parameters against the playbook's declarations (unknown, missing required, wrong type)
/// and produces the JSON sent to the Runner and the masked JSON stored in the database.</summary>
public static class ParameterBinder
{
    public const string Mask = "***";
    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "apikey", "api_key", "private_key", "credential_value"];

    public static BoundParameters Bind(Playbook playbook, JsonElement? parameters)
    {
        var errors = new List<DiagnosticDto>();
        var file = playbook.SourcePath;
        var given = new JsonObject();
        if (parameters is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element)
        {
            if (element.ValueKind != JsonValueKind.Object)
                return new BoundParameters("{}", "{}", [new DiagnosticDto("error", file, 0, 0, "parameters", "parameters must be a JSON object")]);
            given = JsonNode.Parse(element.GetRawText())!.AsObject();
        }

        var declared = playbook.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, _) in given)
        {
            if (!declared.ContainsKey(name))
                errors.Add(new DiagnosticDto("error", file, 0, 0, $"parameters.{name}",
                    $"unknown parameter '{name}'; the playbook declares: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Keys))}"));
        }
        foreach (var p in playbook.Parameters)
        {
            var location = p.Location;
            if (!given.TryGetPropertyValue(p.Name, out var value) || value is null)
            {
                if (p.Required && p.Default is null)
                    errors.Add(new DiagnosticDto("error", file, location.Line, location.Column, $"parameters.{p.Name}",
                        $"missing required parameter '{p.Name}' ({p.Type.ToString().ToLowerInvariant()})"));
                continue;
            }
            if (TypeError(p.Type, value.GetValueKind(), value, IsSecret(p.Name)) is { } message)
                errors.Add(new DiagnosticDto("error", file, location.Line, location.Column, $"parameters.{p.Name}", message));
        }

        var masked = new JsonObject();
        foreach (var (name, value) in given)
            masked[name] = IsSecret(name) && value is not null ? Mask : value?.DeepClone();
        return new BoundParameters(given.ToJsonString(), masked.ToJsonString(), errors);
    }

    public static bool IsSecret(string name)
    {
        var lower = name.ToLowerInvariant();
        return SecretWords.Any(lower.Contains);
    }

    private static string? TypeError(ParameterType type, JsonValueKind kind, JsonNode value, bool secret)
    {
        var ok = type switch
        {
            ParameterType.Integer => kind == JsonValueKind.Number ? value.AsValue().TryGetValue<long>(out _)
                : kind == JsonValueKind.String && long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            ParameterType.Float => kind == JsonValueKind.Number
                || (kind == JsonValueKind.String && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
            ParameterType.Boolean => kind is JsonValueKind.True or JsonValueKind.False
                || (kind == JsonValueKind.String && bool.TryParse(value.GetValue<string>(), out _)),
            ParameterType.List => kind == JsonValueKind.Array,
            ParameterType.Dict => kind == JsonValueKind.Object,
            _ => kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
        };
        return ok ? null : $"expected {type.ToString().ToLowerInvariant()}, got {kind.ToString().ToLowerInvariant()} {(secret ? Mask : Shorten(value.ToJsonString()))}";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
