namespace IgnitionToolkit.Api.Persistence.Entities;

public sealed class LogLineRecord
{
    public long Id { get; set; }
    public Guid ExecutionId { get; set; }
    /// <summary>Sequence number of the event that carried the line.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string? StepPath { get; set; }
    public required string Level { get; set; }
    public required string Message { get; set; }
}
