using IgnitionToolkit.Core.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Api.Executions;

public sealed record BoundParameters(string Json, string MaskedJson, IReadOnlyList<DiagnosticDto> Errors);

/// <summary>
/// Checks the parameters of <c>POST /executions</c> with the parser's <see cref="PlaybookParameterBinder"/> (required,
/// type conversion: the same rules the engine applies when the Runner starts), refuses parameters the playbook does not
/// declare, and produces the JSON sent to the Runner and the masked JSON stored in the database.
/// </summary>
public static class StartParameters
{
    public const string Mask = "***";

    public static BoundParameters Bind(Playbook playbook, JsonElement? parameters)
    {
        var file = playbook.SourcePath;
        var given = new JsonObject();
        if (parameters is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element)
        {
            if (element.ValueKind != JsonValueKind.Object)
                return new BoundParameters("{}", "{}", [new DiagnosticDto("error", file, 0, 0, "parameters", "parameters must be a JSON object")]);
            given = JsonNode.Parse(element.GetRawText())!.AsObject();
        }

        var errors = new List<DiagnosticDto>();
        var declared = playbook.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in given)
        {
            if (!declared.Contains(name))
                errors.Add(new DiagnosticDto("error", file, 0, 0, $"parameters.{name}",
                    $"unknown parameter '{name}'; the playbook declares: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}"));
        }

        var values = parameters is { ValueKind: JsonValueKind.Object } json
            ? json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        var binding = PlaybookParameterBinder.Bind(playbook, values);
        errors.AddRange(binding.Errors.Select(message => ToDiagnostic(playbook, message)));

        var masked = new JsonObject();
        foreach (var (name, value) in given)
            masked[name] = SecretNames.IsSecretName(name) && value is not null ? Mask : value?.DeepClone();
        return new BoundParameters(given.ToJsonString(), masked.ToJsonString(), errors);
    }

    /// <summary>The binder's messages start with <c>parameter '&lt;name&gt;'</c>: the diagnostic points at that
    /// parameter's declaration, and the value given for a secret-looking parameter is not echoed back.</summary>
    private static DiagnosticDto ToDiagnostic(Playbook playbook, string message)
    {
        var parameter = playbook.Parameters.FirstOrDefault(p => message.StartsWith($"parameter '{p.Name}'", StringComparison.Ordinal));
        if (parameter is null) return new DiagnosticDto("error", playbook.SourcePath, 0, 0, "parameters", message);
        var got = message.IndexOf(", got ", StringComparison.Ordinal);
        if (SecretNames.IsSecretName(parameter.Name) && got >= 0) message = message[..got] + ", got " + Mask;
        var at = parameter.Location;
        return new DiagnosticDto("error", playbook.SourcePath, at.Line, at.Column, $"parameters.{parameter.Name}", message);
    }
}
