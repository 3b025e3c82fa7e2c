using IgnitionToolkit.Cli.Vault;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Hosting.Security;
using IgnitionToolkit.Plugins.Gateway.Credentials;

namespace IgnitionToolkit.Cli.Local;

/// <summary>The local vault's credentials a local run uses, as the server fills them for a start: <c>--credential NAME</c>
/// fills the declared, not given <c>gateway_url</c>/<c>username</c>/<c>password</c> parameters through the
/// <c>gateway_login</c> <see cref="ICredentialBinder"/> (the one the API uses), and a parameter of type <c>credential</c>
/// whose value names a local credential makes it available to <c>{{ credential.&lt;name&gt;.&lt;field&gt; }}</c> (also
/// under the parameter's name). Every credential used goes into the request's credentials, so the engine masks its values
/// in every event, log line and report. Nothing is put in an environment variable.</summary>
public sealed class LocalCredentials(LocalVault vault, CredentialBinders binders)
{
    /// <summary>The credentials by name (fields username and password) and the parameters filled from
    /// <paramref name="credentialName"/>; problems (a missing credential) are added to <paramref name="errors"/>.</summary>
    public (Dictionary<string, IReadOnlyDictionary<string, string>> Credentials, IReadOnlyList<FilledParameter> Filled) Prepare(
        Playbook playbook, string? credentialName, IReadOnlyDictionary<string, object?> given, List<string> errors)
    {
        var credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        IReadOnlyList<FilledParameter> filled = [];
        if (!string.IsNullOrEmpty(credentialName) && Open(credentialName, "--credential", errors) is { } fields)
        {
            credentials[credentialName] = fields;
            filled = binders.Find(GatewayLoginBinder.KindName) is { } binder
                ? binder.Fill(playbook, fields, name => given.TryGetValue(name, out var value) && value is not null)
                : [];
        }
        foreach (var parameter in playbook.Parameters.Where(p => p.Type == ParameterType.Credential))
        {
            var name = given.TryGetValue(parameter.Name, out var value) && value is string s ? s : parameter.Default as string;
            if (string.IsNullOrEmpty(name)) continue;
            if (!credentials.TryGetValue(name, out var found))
            {
                found = Open(name, $"parameter '{parameter.Name}'", errors);
                if (found is null) continue;
                credentials[name] = found;
            }
            credentials.TryAdd(parameter.Name, found);
        }
        return (credentials, filled);
    }

    private IReadOnlyDictionary<string, string>? Open(string name, string origin, List<string> errors)
    {
        var entry = vault.List().FirstOrDefault(c => c.Name == name);
        string? password;
        try
        {
            password = entry is null ? null : vault.Reveal(name);
        }
        catch (VaultKeyException ex)
        {
            errors.Add($"{origin}: the credential '{name}' cannot be opened: {ex.Message}");
            return null;
        }
        if (entry is null || password is null)
        {
            errors.Add($"{origin}: the credential '{name}' does not exist in the local vault (add it with: credential add {name} --username USER)");
            return null;
        }
        return new Dictionary<string, string>(StringComparer.Ordinal) { ["username"] = entry.Username, ["password"] = password };
    }
}
