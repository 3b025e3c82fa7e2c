namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>An event that arrived before one with a lower sequence number; applied once the gap is filled.</summary>
public sealed class PendingEventRecord
{
    public long Id { get; set; }
    public Guid ExecutionId { get; set; }
    public long Sequence { get; set; }
    public required string RunnerId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public required string PayloadJson { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
