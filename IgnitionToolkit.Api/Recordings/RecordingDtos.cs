namespace IgnitionToolkit.Api.Recordings;

/// <summary>Body of <c>POST /api/v1/recordings</c>: the page to record on and, optionally, the draft's name.</summary>
public sealed record StartRecordingRequest(string? Url, string? Name);

/// <summary>A recording: the execution that records (its live view, log and thumbnails are the execution's).</summary>
public sealed record RecordingDto(Guid Id, string Url, string Status, string ExecutionPath);
