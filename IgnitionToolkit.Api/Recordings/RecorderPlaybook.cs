using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Recordings;

/// <summary>
/// What a recording runs: a small library playbook (<see cref="Path"/>, written by the API when a recording starts)
/// that opens the URL (<c>perspective.navigate</c>) and records (<c>perspective.record</c>) until it is stopped. An
/// execution of it is a recording: its live view takes clicks and keys while it runs.
/// </summary>
public static class RecorderPlaybook
{
    public const string Path = "drafts/recorder.yaml";
    public const string RecordStepId = "record";
    public const string DraftsFolder = "drafts";

    public const string Yaml = """
        name: "Recorder"
        version: "1.0"
        description: >
          Runs "Record a playbook" (Web: Playbooks, or POST /api/v1/recordings): opens the URL, then records what is done
          in its live view until the recording is stopped. Written by the API when a recording starts; do not edit.
        parameters:
          - name: url
            type: string
            required: true
            description: "Page to record on (a Perspective session on a gateway)"
          - name: draft_name
            type: string
            required: false
            default: ""
            description: "Name of the draft playbook"
        steps:
          - id: open
            name: "Open the page"
            type: perspective.navigate
            parameters:
              url: "{{ parameter.url }}"
          - id: record
            name: "Record"
            type: perspective.record
            timeout: 3660
            parameters:
              name: "{{ parameter.draft_name }}"
              max_seconds: 3600
        metadata:
          author: "recorder"
          tags: ["recorder"]

        """;

    /// <summary>The execution is a recording that still runs.</summary>
    public static bool IsRecording(ExecutionRecord execution) => IsRecorder(execution) && execution.Status == ExecutionStatus.Running;

    public static bool IsRecorder(ExecutionRecord execution) => string.Equals(execution.PlaybookPath, Path, StringComparison.Ordinal);
}
