using System.Text.Json;

namespace IgnitionToolkit.Api.Live;

/// <summary>One applied event; <paramref name="Payload"/> is the event payload object (camelCase keys, as the Runner wrote it).</summary>
public sealed record LiveEventDto(long Sequence, string Kind, DateTimeOffset Timestamp, JsonElement Payload);

/// <summary>Events of one execution applied together, in sequence order, and the execution's state after them.</summary>
public sealed record ExecutionEventsDto(Guid ExecutionId, string Status, long LastSequence, IReadOnlyList<LiveEventDto> Events);

/// <summary>Something changed in an execution (list views re-read it or patch the status).</summary>
public sealed record ExecutionChangedDto(Guid ExecutionId, string Status, long LastSequence);

/// <summary>One frame of the live browser view (<paramref name="Jpeg"/>: base64 in JSON).</summary>
public sealed record BrowserFrameDto(Guid ExecutionId, string? StepPath, byte[] Jpeg, int Width, int Height, DateTimeOffset Timestamp);
