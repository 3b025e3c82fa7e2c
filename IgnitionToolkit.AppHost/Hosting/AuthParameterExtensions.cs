using System.Security.Cryptography;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>The API's sign-in settings as Aspire secret parameters:
/// <list type="bullet">
/// <item>the token signing key: <c>Toolkit:Auth:SigningKey</c>, else a fresh random key for this AppHost run
/// (signed-in users sign in again after a restart);</item>
/// <item>the first admin: <c>Toolkit:Auth:AdminUser</c> (default <c>admin</c>) with <c>Toolkit:Auth:AdminPassword</c>,
/// else a generated password kept in the AppHost's user secrets (stable across runs, shown in the dashboard's
/// parameters as <c>auth-admin-password</c>).</item>
/// </list>
/// No known default is ever passed: the services may run as Production, which refuses them.</summary>
public static class AuthParameterExtensions
{
    public const string SigningKeyParameter = "auth-signing-key";
    public const string AdminPasswordParameter = "auth-admin-password";
    public const string DefaultAdminUser = "admin";

    public static IResourceBuilder<ProjectResource> WithToolkitAuth(this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var configuredKey = config["Toolkit:Auth:SigningKey"];
        var key = string.IsNullOrWhiteSpace(configuredKey) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) : configuredKey.Trim();
        var signingKey = builder.AddParameter(SigningKeyParameter, () => key, publishValueAsDefault: false, secret: true);

        var configuredPassword = config["Toolkit:Auth:AdminPassword"];
        var adminPassword = string.IsNullOrWhiteSpace(configuredPassword)
            ? builder.AddParameter(AdminPasswordParameter, new GenerateParameterDefault { MinLength = 20, Special = false }, secret: true, persist: true)
            : builder.AddParameter(AdminPasswordParameter, () => configuredPassword, publishValueAsDefault: false, secret: true);
        var user = config["Toolkit:Auth:AdminUser"] is { Length: > 0 } name ? name : DefaultAdminUser;

        return api.WithEnvironment("Toolkit__Auth__SigningKey", signingKey)
            .WithEnvironment("Toolkit__Auth__AdminUser", user)
            .WithEnvironment("Toolkit__Auth__AdminPassword", adminPassword);
    }
}
