using System.Text.Json;

namespace IgnitionToolkit.Web.Api.Models;

/// <summary>The API hub's messages (see docs/web-ui.md, "Hub contract").</summary>
public sealed record LiveEvent(long Sequence, string Kind, DateTimeOffset Timestamp, JsonElement Payload);

public sealed record ExecutionEvents(Guid ExecutionId, string Status, long LastSequence, IReadOnlyList<LiveEvent> Events);

public sealed record ExecutionChanged(Guid ExecutionId, string Status, long LastSequence);

public sealed record BrowserFrameMessage(Guid ExecutionId, string? StepPath, byte[] Jpeg, int Width, int Height, DateTimeOffset Timestamp);
