using System.Security.Cryptography;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>The transport key API and Runners share to pass credentials encrypted on the bus
/// (<c>Toolkit:Bus:CredentialKey</c>): the configured one, else a fresh random key for this AppHost run.</summary>
public static class CredentialKeyExtensions
{
    public const string ParameterName = "bus-credential-key";
    public const string EnvironmentName = "Toolkit__Bus__CredentialKey";

    public static void AddCredentialTransportKey(this IDistributedApplicationBuilder builder, params IResourceBuilder<ProjectResource>[] services)
    {
        var configured = builder.Configuration["Toolkit:Bus:CredentialKey"];
        var value = string.IsNullOrWhiteSpace(configured) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : configured.Trim();
        var key = builder.AddParameter(ParameterName, () => value, publishValueAsDefault: false, secret: true);
        foreach (var service in services) service.WithEnvironment(EnvironmentName, key);
    }
}
