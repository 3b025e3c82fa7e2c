using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Execution;

/// <summary>Opens the credentials a <see cref="StartExecution"/> carries (sealed by the API with the shared transport key
/// <c>Toolkit:Bus:CredentialKey</c>): they exist in clear only inside this process, in the execution request.</summary>
public sealed class CredentialUnsealer(CredentialTransport transport)
{
    /// <summary>The bundle (empty when the message carries none), or null with <paramref name="error"/>.</summary>
    public CredentialBundle? Open(StartExecution message, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(message.EncryptedCredentials)) return Empty;
        if (!transport.IsConfigured)
        {
            error = $"the execution needs credentials but this Runner cannot decrypt them: {transport.Problem}";
            return null;
        }
        try
        {
            return transport.Open(message.EncryptedCredentials, message.ExecutionId);
        }
        catch (SecretEnvelopeException ex)
        {
            error = $"the execution's credentials could not be decrypted ({ex.Message}); the API and the Runner must use the same {CredentialTransport.ConfigurationKey}";
            return null;
        }
    }

    private static CredentialBundle Empty => new(
        new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string>());
}
