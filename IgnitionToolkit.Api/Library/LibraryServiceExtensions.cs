using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.ServiceDefaults.Configuration;

namespace IgnitionToolkit.Api.Library;

public static class LibraryServiceExtensions
{
    /// <summary>The playbook library: local folder and git sources, validation, verification, export and import.</summary>
    public static WebApplicationBuilder AddToolkitLibrary(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddToolkitSettings<LibraryOptions>(builder.Configuration, LibraryOptions.Section, LibraryOptions.Rules);
        services.AddSingleton<LibraryMounts>();
        services.AddSingleton<PlaybookLibrary>();
        services.AddScoped<PlaybookValidator>();
        services.AddScoped<PlaybookCatalog>();
        services.AddScoped<PlaybookVerifications>();
        services.AddScoped<PlaybookExporter>();
        services.AddScoped<PlaybookImporter>();
        services.AddScoped<LibrarySync>();
        services.AddScoped<LibrarySources>();
        services.AddHostedService<LibraryPullService>();
        return builder;
    }
}
