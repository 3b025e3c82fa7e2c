using IgnitionToolkit.Hosting.Security;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.ServiceDefaults.Configuration;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>
/// In Production the API refuses to start without a usable vault key: <c>Toolkit:Vault:Key</c> must be a random 32-byte
/// key, or, when it is not set, the key file must already exist. Outside Production a missing key file is created at first
/// use; in Production only when <c>Toolkit:Vault:CreateKeyFile=true</c> says so (the AppHost's local runs), since it would
/// otherwise encrypt every credential with a key nobody has backed up.
/// </summary>
public sealed class VaultProductionValidator(IConfiguration configuration, IHostEnvironment environment, ToolkitPaths paths)
    : IValidateOptions<ProductionRequirements>
{
    public const string CreateKeyFileKey = "Toolkit:Vault:CreateKeyFile";

    public ValidateOptionsResult Validate(string? name, ProductionRequirements options)
    {
        if (!environment.IsProduction()) return ValidateOptionsResult.Success;
        var rules = new SettingRules();
        var configured = configuration[VaultKeyRing.KeyConfigurationKey];
        var createSetting = configuration[CreateKeyFileKey];
        var create = false;
        rules.Check(string.IsNullOrWhiteSpace(createSetting) || bool.TryParse(createSetting, out create), CreateKeyFileKey, "must be true or false");
        if (!string.IsNullOrWhiteSpace(configured))
            rules.CheckKey(VaultKeyRing.KeyConfigurationKey, configured);
        else if (!create)
            rules.Check(File.Exists(VaultKeyRing.KeyFile(paths)), VaultKeyRing.KeyConfigurationKey,
                $"must be set in Production (the credential vault key, base64 of 32 bytes: openssl rand -base64 32), " +
                $"or the key file {VaultKeyRing.KeyFile(paths)} must exist; the API creates no vault key in Production " +
                $"unless {SettingRules.EnvironmentVariable(CreateKeyFileKey)}=true");
        return rules.Result();
    }
}
