using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IgnitionToolkit.Core.Playbooks;

public static class PlaybookServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPlaybookLoader"/>, <see cref="ITemplateResolver"/> and <see cref="IPlaybookMigrator"/>
    /// as singletons. They need an <see cref="IStepCatalog"/> registered elsewhere; <see cref="PlaybookLoaderOptions"/>
    /// may be registered to change the limits.</summary>
    public static IServiceCollection AddPlaybookServices(this IServiceCollection services)
    {
        services.TryAddSingleton(PlaybookLoaderOptions.Default);
        services.TryAddSingleton<IPlaybookLoader>(sp =>
            new PlaybookLoader(sp.GetRequiredService<IStepCatalog>(), sp.GetRequiredService<PlaybookLoaderOptions>()));
        services.TryAddSingleton<ITemplateResolver, TemplateResolver>();
        services.TryAddSingleton<IPlaybookMigrator>(sp => new PlaybookMigrator(sp.GetRequiredService<IStepCatalog>()));
        return services;
    }
}
