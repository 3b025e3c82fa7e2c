namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>The credential vault's master key for the API:
/// <list type="bullet">
/// <item><c>Toolkit:Vault:Key</c> configured: passed as the secret parameter <c>vault-key</c>;</item>
/// <item>publishing (manifest): the secret parameter <c>vault-key</c> without a value, which the deployment must supply;</item>
/// <item>a local run: the API keeps its key file <c>&lt;data&gt;/keys/vault.key</c> and may create it
/// (<c>Toolkit:Vault:CreateKeyFile=true</c>), even when the services run as Production.</item>
/// </list></summary>
public static class VaultKeyExtensions
{
    public const string ParameterName = "vault-key";

    public static IResourceBuilder<ProjectResource> WithToolkitVaultKey(this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Toolkit:Vault:Key"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var value = configured.Trim();
            return api.WithEnvironment("Toolkit__Vault__Key", builder.AddParameter(ParameterName, () => value, publishValueAsDefault: false, secret: true));
        }
        if (builder.ExecutionContext.IsPublishMode)
            return api.WithEnvironment("Toolkit__Vault__Key", builder.AddParameter(ParameterName, secret: true));
        return api.WithEnvironment("Toolkit__Vault__CreateKeyFile", "true");
    }
}
