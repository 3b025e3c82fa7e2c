namespace IgnitionToolkit.Api.Artifacts;

/// <summary>An artifact of an execution, with the URL that downloads it.</summary>
public sealed record ArtifactListItem(
    string Name, long Size, string ContentType, string Sha256, string? StepPath, DateTimeOffset CreatedAt, string DownloadUrl);
