namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>A file a step saved for the execution (the file stays where the Runner wrote it).</summary>
public sealed class ArtifactRecord
{
    public long Id { get; set; }
    public Guid ExecutionId { get; set; }
    public long Sequence { get; set; }
    public string? StepPath { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string Path { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
