namespace IgnitionToolkit.Core.Plugins;

public sealed record ArtifactInfo(string Name, string ContentType, long Size, string Sha256, string Path);

/// <summary>Where steps save files (backups, screenshots) that belong to the execution.</summary>
public interface IArtifactSink
{
    Task<ArtifactInfo> SaveAsync(string name, string contentType, Stream content, CancellationToken cancellationToken);
}
