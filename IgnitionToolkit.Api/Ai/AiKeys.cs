using IgnitionToolkit.Hosting.Security;
using System.Text.RegularExpressions;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Providers;

namespace IgnitionToolkit.Api.Ai;

/// <summary>
/// The AI provider's key, which lives only in the vault (credential <c>Toolkit:Ai:Credential</c>, kind
/// <c>ai_provider</c>, field <c>api_key</c>): read here for the API's own calls, and added to the sealed credential
/// bundle of executions whose playbooks use <c>ai.*</c> steps, so a Runner gets it like any other credential (masked in
/// every event, never in clear on the bus). Also the masker of prompts: every field in the vault that its kind's
/// <see cref="ICredentialBinder"/> does not declare plain.
/// </summary>
public sealed partial class AiKeys(AiSettings settings, CredentialVault vault, CredentialBinders binders)
{
    /// <summary>The credential to send with an execution: AI on, an <c>ai.*</c> step in the playbook or a nested one,
    /// and the credential exists (without it the steps fail saying what to add).</summary>
    public async Task<string?> CredentialForAsync(Playbook playbook, string yaml, IReadOnlyDictionary<string, string> nested, CancellationToken ct)
    {
        if (!settings.IsConfigured) return null;
        var uses = playbook.Steps.Any(s => s.Type.StartsWith("ai.", StringComparison.Ordinal))
            || nested.Values.Prepend(yaml).Any(text => AiStepType().IsMatch(text));
        return uses && await vault.FindAsync(settings.Credential, ct) is not null ? settings.Credential : null;
    }

    /// <summary>The key for the API's own calls; null when the credential does not exist.</summary>
    public async Task<string?> KeyAsync(CancellationToken ct) =>
        await vault.FindAsync(settings.Credential, ct) is { } record && vault.Open(record).TryGetValue(AiSettings.KeyField, out var key) ? key : null;

    /// <summary>A masker that knows every secret field of the vault (and the live executions' secrets).</summary>
    public async Task<Func<string, string>> MaskerAsync(CancellationToken ct)
    {
        var masker = new SecretMasker();
        foreach (var record in await vault.ListAsync(ct))
        {
            var plain = binders.Find(record.Kind)?.PlainFields ?? new HashSet<string>();
            try
            {
                foreach (var (field, value) in vault.Open(record))
                    if (!plain.Contains(field)) masker.Add(value);
            }
            catch (VaultKeyException)
            {
                // a credential sealed with a key that is gone cannot leak either
            }
        }
        return text => masker.Apply(Core.Security.LiveSecrets.Mask(text));
    }

    [GeneratedRegex(@"type:\s*['""]?ai\.", RegexOptions.CultureInvariant)]
    private static partial Regex AiStepType();
}
