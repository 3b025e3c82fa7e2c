using System.Security.Cryptography;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>The API's sign-in settings as Aspire secret parameters: the token signing key (configured
/// <c>Toolkit:Auth:SigningKey</c>, else a fresh random key for this AppHost run) and the first admin
/// (<c>Toolkit:Auth:AdminUser</c>, default <c>admin</c>; <c>Toolkit:Auth:AdminPassword</c>, default the development
/// password <see cref="DevelopmentAdminPassword"/>, which the API refuses in Production).</summary>
public static class AuthParameterExtensions
{
    public const string SigningKeyParameter = "auth-signing-key";
    public const string AdminPasswordParameter = "auth-admin-password";
    public const string DefaultAdminUser = "admin";
    /// <summary>Same value as the API's <c>AuthOptions.DevelopmentAdminPassword</c>.</summary>
    public const string DevelopmentAdminPassword = "toolkit-dev-admin";

    public static IResourceBuilder<ProjectResource> WithToolkitAuth(this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var configuredKey = config["Toolkit:Auth:SigningKey"];
        var key = string.IsNullOrWhiteSpace(configuredKey) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) : configuredKey.Trim();
        var configuredPassword = config["Toolkit:Auth:AdminPassword"];
        var password = string.IsNullOrWhiteSpace(configuredPassword) ? DevelopmentAdminPassword : configuredPassword;
        var user = config["Toolkit:Auth:AdminUser"] is { Length: > 0 } name ? name : DefaultAdminUser;

        var signingKey = builder.AddParameter(SigningKeyParameter, () => key, publishValueAsDefault: false, secret: true);
        var adminPassword = builder.AddParameter(AdminPasswordParameter, () => password, publishValueAsDefault: false, secret: true);
        return api.WithEnvironment("Toolkit__Auth__SigningKey", signingKey)
            .WithEnvironment("Toolkit__Auth__AdminUser", user)
            .WithEnvironment("Toolkit__Auth__AdminPassword", adminPassword);
    }
}
