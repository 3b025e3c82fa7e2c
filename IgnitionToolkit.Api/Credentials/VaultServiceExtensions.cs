using IgnitionToolkit.Core.Security;
using IgnitionToolkit.ServiceDefaults.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Credentials;

public static class VaultServiceExtensions
{
    /// <summary>The credential vault, the transport key for Runners (<c>Toolkit:Bus:CredentialKey</c>) and demo mode.
    /// Register after the persistence so the hosted services run after the migrations.</summary>
    public static WebApplicationBuilder AddToolkitVault(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton<VaultKeys>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProductionRequirements>, VaultProductionValidator>());
        builder.Services.AddSingleton(_ => CredentialTransport.From(key => configuration[key]));
        builder.Services.AddScoped<CredentialVault>();
        builder.Services.AddScoped<ExecutionCredentials>();
        builder.Services.AddHostedService<VaultKeyCheck>();
        builder.Services.AddHostedService<DemoCredentialSeeder>();
        return builder;
    }
}
