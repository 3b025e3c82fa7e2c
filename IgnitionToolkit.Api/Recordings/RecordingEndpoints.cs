using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Playbooks;

namespace IgnitionToolkit.Api.Recordings;

/// <summary><c>/api/v1/recordings</c>: the recorder. Start a recording on a URL (an execution of
/// <see cref="RecorderPlaybook"/>; its live view takes clicks and keys), stop it, and save its draft as a library playbook.</summary>
public static class RecordingEndpoints
{
    public static RouteGroupBuilder MapRecordingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/recordings").WithTags("Recordings").RequireOperator();
        group.MapPost("/", (StartRecordingRequest? request, Recordings recordings, CurrentUser user, CancellationToken ct) =>
            recordings.StartAsync(request, user.Name, ct)).WithName("StartRecording")
            .Audited<RecordingDto>("recording.started", "recording", c => c.Entry with { TargetId = c.Value.Id.ToString(), Detail = $"on {c.Value.Url}" });
        group.MapPost("/{id:guid}/stop", (Guid id, Recordings recordings, CurrentUser user, CancellationToken ct) =>
            recordings.StopAsync(id, user.Name, ct)).WithName("StopRecording")
            .Audited("recording.stopped", "recording", targetRouteValue: "id");
        group.MapPost("/{id:guid}/draft", (Guid id, Recordings recordings, CancellationToken ct) =>
            recordings.SaveDraftAsync(id, ct)).WithName("SaveRecordedDraft")
            .Audited<PlaybookSaved>("playbook.recorded", "playbook",
                c => c.Entry with { TargetId = c.Value.Summary.Path, Detail = $"draft of recording {c.Http.GetRouteValue("id")}" });
        return api;
    }
}
