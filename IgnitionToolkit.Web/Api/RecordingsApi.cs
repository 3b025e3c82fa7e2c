using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>A recording as <c>POST /api/v1/recordings</c> answers it (its id is the recording execution's).</summary>
public sealed record RecordingModel(Guid Id, string Url, string Status);

/// <summary>The recorder endpoints (<c>/api/v1/recordings</c>): start on a URL, stop, save the draft into the library.</summary>
public sealed class RecordingsApi(RestClient rest)
{
    public Task<ApiResult<RecordingModel>> StartAsync(string url, string? name) =>
        rest.PostAsync<RecordingModel>("/api/v1/recordings", new { url, name });

    public Task<ApiResult<bool>> StopAsync(Guid id) => rest.PostAsync<bool>($"/api/v1/recordings/{id}/stop", null);

    /// <summary>Saves the completed recording's draft as a new library playbook (its path is in the answer).</summary>
    public Task<ApiResult<PlaybookSavedModel>> SaveDraftAsync(Guid id) => rest.PostAsync<PlaybookSavedModel>($"/api/v1/recordings/{id}/draft", null);
}
