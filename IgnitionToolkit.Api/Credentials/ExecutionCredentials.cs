using IgnitionToolkit.Hosting.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>What an execution needs from the vault, worked out when it is started.</summary>
/// <param name="Parameters">The given parameters plus those filled from <c>credential_name</c> (real values: used only to
/// validate them, never stored or sent in clear).</param>
/// <param name="Filled">Names of the parameters filled from the credential (they travel encrypted, stored masked when secret).</param>
public sealed record PreparedCredentials(
    JsonElement? Parameters, IReadOnlyDictionary<string, string> Filled, IReadOnlySet<string> SecretFilled,
    CredentialBundle Bundle, IReadOnlyList<DiagnosticDto> Errors, ProblemHttpResult? Problem);

/// <summary>
/// Resolves the credentials of an execution: <c>credential_name</c> (the plugin <see cref="ICredentialBinder"/> of the
/// credential's kind fills declared parameters that were not given: a <c>gateway_login</c> its <c>gateway_url</c>/
/// <c>username</c>/<c>password</c>), parameters of type
/// <c>credential</c> (their value names a vault credential; it is available under that name and under the parameter's
/// name; one left empty names <c>credential_name</c>) and <c>{{ credential.&lt;name&gt;.&lt;field&gt; }}</c> templates in the playbook and its nested playbooks.
/// </summary>
public sealed class ExecutionCredentials(CredentialVault vault, CredentialTransport transport, CredentialBinders binders, Ai.AiKeys aiKeys)
{
    public async Task<PreparedCredentials> PrepareAsync(Playbook playbook, string yaml, IReadOnlyDictionary<string, string> nested,
        JsonElement? parameters, string? credentialName, CancellationToken ct)
    {
        var given = parameters is { ValueKind: JsonValueKind.Object } p ? JsonNode.Parse(p.GetRawText())!.AsObject() : null;
        var errors = new List<DiagnosticDto>();
        var wanted = new Dictionary<string, List<string>>(StringComparer.Ordinal); // credential → aliases
        var file = playbook.SourcePath;

        if (!string.IsNullOrEmpty(credentialName)) wanted[credentialName] = [];
        var credentialParameters = playbook.Parameters.Where(x => x.Type == ParameterType.Credential).ToList();
        var namedByCredential = new Dictionary<string, string>(StringComparer.Ordinal); // credential parameters left empty
        foreach (var parameter in credentialParameters)
        {
            var value = given?[parameter.Name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : parameter.Default as string;
            if (string.IsNullOrEmpty(value) && !string.IsNullOrEmpty(credentialName)) namedByCredential[parameter.Name] = value = credentialName;
            if (string.IsNullOrEmpty(value)) continue;
            if (!wanted.TryGetValue(value, out var aliases)) wanted[value] = aliases = [];
            if (parameter.Name != value) aliases.Add(parameter.Name);
        }
        var aliasNames = credentialParameters.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var text in nested.Values.Prepend(yaml))
        {
            foreach (var name in CredentialKinds.TemplateReference().Matches(text).Select(m => m.Groups[1].Value))
                if (!aliasNames.Contains(name)) wanted.TryAdd(name, []);
        }
        if (transport.IsConfigured && await aiKeys.CredentialForAsync(playbook, yaml, nested, ct) is { } aiCredential)
            wanted.TryAdd(aiCredential, []); // the AI key travels sealed with the execution: docs/ai-steps.md
        if (wanted.Count == 0)
            return new PreparedCredentials(parameters, new Dictionary<string, string>(), new HashSet<string>(), new CredentialBundle(
                new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string>()), errors, null);
        if (!transport.IsConfigured)
            return Refused(parameters, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Credentials cannot be sent",
                detail: $"this execution needs credentials ({string.Join(", ", wanted.Keys)}) but {transport.Problem}"));

        var credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var filled = new Dictionary<string, string>(namedByCredential, StringComparer.Ordinal);
        var secretFilled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in wanted)
        {
            var record = await vault.FindAsync(name, ct);
            if (record is null)
            {
                errors.Add(new DiagnosticDto("error", file, 0, 0, FieldFor(name, credentialName, credentialParameters, given),
                    $"the credential '{name}' does not exist in the vault"));
                continue;
            }
            IReadOnlyDictionary<string, string> fields;
            try
            {
                fields = vault.Open(record);
            }
            catch (VaultKeyException ex)
            {
                return Refused(parameters, CredentialEndpoints.VaultProblem(ex));
            }
            credentials[name] = fields;
            foreach (var alias in aliases) credentials.TryAdd(alias, fields);
            if (name != credentialName) continue;
            var binder = binders.Find(record.Kind);
            if (binder is null)
            {
                errors.Add(new DiagnosticDto("error", file, 0, 0, "credential_name",
                    $"credential_name must name a {binders.Kinds} credential; '{name}' is a {record.Kind}"));
                continue;
            }
            foreach (var fill in binder.Fill(playbook, fields, parameter => given?[parameter] is not null))
            {
                filled[fill.Parameter] = fill.Value;
                if (fill.Secret) secretFilled.Add(fill.Parameter);
            }
        }

        var merged = given ?? [];
        foreach (var (name, value) in filled) merged[name] = value;
        var mergedElement = parameters is null or { ValueKind: JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined }
            ? JsonDocument.Parse(merged.ToJsonString()).RootElement.Clone()
            : parameters;
        return new PreparedCredentials(mergedElement, filled, secretFilled, new CredentialBundle(credentials, filled), errors, null);
    }

    /// <summary>The stored parameters: the binder's masked JSON with secret values filled from a credential masked too.</summary>
    public static string MaskFilled(string maskedJson, PreparedCredentials prepared)
    {
        if (prepared.SecretFilled.Count == 0) return maskedJson;
        var node = JsonNode.Parse(maskedJson)!.AsObject();
        foreach (var name in prepared.SecretFilled) node[name] = StartMask;
        return node.ToJsonString();
    }

    /// <summary>The parameters sent in clear on the bus: those given, without the ones filled from a credential.</summary>
    public static string BusParameters(string boundJson, PreparedCredentials prepared)
    {
        if (prepared.Filled.Count == 0) return boundJson;
        var node = JsonNode.Parse(boundJson)!.AsObject();
        foreach (var name in prepared.Filled.Keys) node.Remove(name);
        return node.ToJsonString();
    }

    public string? Seal(PreparedCredentials prepared, Guid executionId) =>
        prepared.Bundle.IsEmpty ? null : transport.Seal(prepared.Bundle, executionId);

    private const string StartMask = "***";

    private static PreparedCredentials Refused(JsonElement? parameters, ProblemHttpResult problem) =>
        new(parameters, new Dictionary<string, string>(), new HashSet<string>(),
            new CredentialBundle(new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string>()), [], problem);

    private static string FieldFor(string name, string? credentialName, List<PlaybookParameter> credentialParameters, JsonObject? given)
    {
        if (name == credentialName) return "credential_name";
        var parameter = credentialParameters.FirstOrDefault(x =>
            (given?[x.Name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : x.Default as string) == name);
        return parameter is null ? $"credential.{name}" : $"parameters.{parameter.Name}";
    }
}
