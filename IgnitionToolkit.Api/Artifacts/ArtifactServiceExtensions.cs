namespace IgnitionToolkit.Api.Artifacts;

public static class ArtifactServiceExtensions
{
    /// <summary>Artifact files and the retention cleanup.</summary>
    public static WebApplicationBuilder AddToolkitArtifacts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArtifactFiles>();
        builder.Services.AddSingleton(ArtifactRetentionOptions.From(builder.Configuration));
        builder.Services.AddSingleton<ArtifactRetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ArtifactRetentionService>());
        return builder;
    }
}
