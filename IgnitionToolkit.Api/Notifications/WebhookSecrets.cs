using IgnitionToolkit.Hosting.Security;
using System.Text.Json;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Security;

namespace IgnitionToolkit.Api.Notifications;

/// <summary>A webhook's URL and signing secret, as they are kept: sealed together with the credential vault's key
/// (<see cref="VaultKeys"/>, AES-256-GCM, associated data = the webhook's id), re-sealed by <c>rotate-vault-key</c>.
/// The URL is sealed too because incoming-webhook URLs (Teams, Slack) carry their token in the path.</summary>
public sealed record WebhookTarget(string Url, string? Secret)
{
    public static WebhookTarget Open(WebhookRecord record, VaultKeyRing ring)
    {
        try
        {
            var json = SecretEnvelope.OpenText(record.SecretEnvelope, ring.Find, record.Id.ToString("D"));
            return JsonSerializer.Deserialize<WebhookTarget>(json) ?? throw new VaultKeyException($"webhook '{record.Name}' holds no target");
        }
        catch (SecretEnvelopeException ex)
        {
            throw new VaultKeyException($"webhook '{record.Name}' cannot be decrypted: {ex.Message} (vault key: {ring.Source})");
        }
    }

    public void SealInto(WebhookRecord record, VaultKeyRing ring)
    {
        record.SecretEnvelope = SecretEnvelope.SealText(ring.CurrentKey, ring.CurrentKeyId, JsonSerializer.Serialize(this), record.Id.ToString("D"));
        record.KeyId = ring.CurrentKeyId;
        record.HasSecret = !string.IsNullOrEmpty(Secret);
        record.UrlDisplay = Display(Url);
    }

    /// <summary>Scheme, host and port only: what the API shows of a URL.</summary>
    public static string Display(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : "(invalid)";

    public override string ToString() => $"WebhookTarget {Display(Url)}"; // never the secret or the full URL
}
