using System.Text.Json;
using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>The playbook library endpoints.</summary>
public sealed class PlaybooksApi(RestClient rest)
{
    public static string Encode(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public Task<ApiResult<List<PlaybookSummaryModel>>> ListAsync(string? search = null) =>
        rest.GetAsync<List<PlaybookSummaryModel>>("/api/v1/playbooks" + (string.IsNullOrWhiteSpace(search) ? "" : "?search=" + Uri.EscapeDataString(search)));

    public Task<ApiResult<PlaybookDetailModel>> GetAsync(string path) => rest.GetAsync<PlaybookDetailModel>("/api/v1/playbooks/" + Encode(path));

    public Task<ApiResult<ValidationResult>> ValidateAsync(string yaml, string? path) =>
        rest.PostAsync<ValidationResult>("/api/v1/playbooks/validate", new { yaml, path });

    public Task<ApiResult<PlaybookSavedModel>> CreateAsync(string path, string yaml) =>
        rest.PostAsync<PlaybookSavedModel>("/api/v1/playbooks", new { path, yaml });

    public Task<ApiResult<PlaybookSavedModel>> UpdateAsync(string path, string yaml) =>
        rest.PutAsync<PlaybookSavedModel>("/api/v1/playbooks/" + Encode(path), new { yaml });

    public Task<ApiResult<bool>> DeleteAsync(string path) => rest.DeleteAsync("/api/v1/playbooks/" + Encode(path));
}

/// <summary>The execution endpoints.</summary>
public sealed class ExecutionsApi(RestClient rest)
{
    public Task<ApiResult<Paged<ExecutionSummary>>> ListAsync(int page, int pageSize, IEnumerable<string>? statuses, string? playbook = null) =>
        ListAsync(page, pageSize, new ExecutionFilters(statuses, playbook));

    /// <summary>One page of executions; every filter is applied by the API (From/To are whole days, in UTC, To included).</summary>
    public Task<ApiResult<Paged<ExecutionSummary>>> ListAsync(int page, int pageSize, ExecutionFilters filters)
    {
        var status = filters.Statuses is null ? "" : string.Join(',', filters.Statuses);
        return rest.GetAsync<Paged<ExecutionSummary>>($"/api/v1/executions?page={page}&pageSize={pageSize}"
            + (status.Length > 0 ? "&status=" + status : "")
            + Text("playbook", filters.Playbook) + Text("started_by", filters.StartedBy)
            + Text("schedule", filters.Schedule)
            + (filters.From is { } from ? "&from=" + Uri.EscapeDataString(Utc(from.Date).ToString("O")) : "")
            + (filters.To is { } to ? "&to=" + Uri.EscapeDataString(Utc(to.Date.AddDays(1)).ToString("O")) : "")
            + (filters.PinnedOnly ? "&pinned=true" : ""));
    }

    private static string Text(string name, string? value) => string.IsNullOrWhiteSpace(value) ? "" : $"&{name}=" + Uri.EscapeDataString(value.Trim());

    private static DateTimeOffset Utc(DateTime localDay) => new DateTimeOffset(DateTime.SpecifyKind(localDay, DateTimeKind.Unspecified), TimeSpan.Zero);

    /// <summary>Pins (kept by history retention) or unpins an execution; answers its summary.</summary>
    public Task<ApiResult<ExecutionSummary>> PinAsync(Guid id, bool pinned) => pinned
        ? rest.PostAsync<ExecutionSummary>($"/api/v1/executions/{id}/pin", null)
        : rest.DeleteAsync<ExecutionSummary>($"/api/v1/executions/{id}/pin");

    public Task<ApiResult<ExecutionDetail>> GetAsync(Guid id) => rest.GetAsync<ExecutionDetail>($"/api/v1/executions/{id}");

    public Task<ApiResult<ExecutionSummary>> StartAsync(StartExecutionModel request) => rest.PostAsync<ExecutionSummary>("/api/v1/executions", request);

    /// <summary>Deletes finished executions (all of them, or none when one is still running: the problem says which).</summary>
    public Task<ApiResult<DeletedExecutions>> DeleteManyAsync(IReadOnlyCollection<Guid> ids) =>
        rest.PostAsync<DeletedExecutions>("/api/v1/executions/delete", new { ids });

    /// <summary>Starts a new execution of a finished one's playbook with its parameters (credentials resolved again).</summary>
    public Task<ApiResult<ExecutionSummary>> RunAgainAsync(Guid id) => rest.PostAsync<ExecutionSummary>($"/api/v1/executions/{id}/run-again", new { });

    /// <summary>Resumes a failed, cancelled or interrupted execution from a top-level step (null: the first that did not complete).</summary>
    public Task<ApiResult<ExecutionSummary>> ResumeFromAsync(Guid id, string? step) =>
        rest.PostAsync<ExecutionSummary>($"/api/v1/executions/{id}/resume-from", new { step });

    /// <summary><paramref name="command"/>: pause, resume, skip, skip-back, cancel.</summary>
    public Task<ApiResult<bool>> SendAsync(Guid id, string command) => rest.PostAsync<bool>($"/api/v1/executions/{id}/{command}", null);

    /// <summary>Re-runs a step of a paused execution with edited parameters (a JSON object merged over the step's own).</summary>
    public Task<ApiResult<bool>> RerunStepAsync(Guid id, string stepPath, JsonElement parameters) =>
        rest.PostAsync<bool>($"/api/v1/executions/{id}/steps/{Uri.EscapeDataString(stepPath)}/rerun", new { parameters });

    /// <summary>The steps a paused execution has not run yet (a YAML list) and where they start (edit while paused).</summary>
    public Task<ApiResult<PendingStepsInfo>> PendingStepsAsync(Guid id) =>
        rest.GetAsync<PendingStepsInfo>($"/api/v1/executions/{id}/pending-steps");

    /// <summary>Replaces the steps a paused execution has not run yet; a 422 problem lists the errors by line.</summary>
    public Task<ApiResult<bool>> EditPendingStepsAsync(Guid id, string yaml, int fromIndex) =>
        rest.PutAsync<bool>($"/api/v1/executions/{id}/pending-steps", new { yaml, fromIndex });

    /// <summary>Click through the live view: a click (<c>kind: click, x, y</c> as fractions of the picture) or keys
    /// (<c>kind: type, text</c> / <c>kind: press, key</c>) on the execution's browser page.</summary>
    public Task<ApiResult<bool>> LiveViewInputAsync(Guid id, object input) =>
        rest.PostAsync<bool>($"/api/v1/executions/{id}/live-view/input", input);

    /// <summary>The schema of one step type (which parameters are secret), or null when the API does not know it.</summary>
    public async Task<StepTypeInfo?> StepTypeAsync(string type)
    {
        var all = await rest.GetAsync<List<StepTypeInfo>>("/api/v1/step-types");
        return all.Ok ? all.Value!.FirstOrDefault(t => t.Type == type) : null;
    }

    /// <summary>The artifacts list; a 404 (endpoint not there) is reported as a problem the page shows quietly.</summary>
    public Task<ApiResult<List<ArtifactModel>>> ArtifactsAsync(Guid id) => rest.GetAsync<List<ArtifactModel>>($"/api/v1/executions/{id}/artifacts");
}

/// <summary>The credential vault endpoints (write-only secrets).</summary>
public sealed class CredentialsApi(RestClient rest)
{
    public Task<ApiResult<List<CredentialInfo>>> ListAsync() => rest.GetAsync<List<CredentialInfo>>("/api/v1/credentials");

    public Task<ApiResult<bool>> CreateAsync(CredentialInput input) => rest.PostAsync<bool>("/api/v1/credentials", Body(input));

    public Task<ApiResult<bool>> UpdateAsync(CredentialInput input) =>
        rest.PutAsync<bool>("/api/v1/credentials/" + Uri.EscapeDataString(input.Name), Body(input));

    public Task<ApiResult<bool>> DeleteAsync(string name) => rest.DeleteAsync("/api/v1/credentials/" + Uri.EscapeDataString(name));

    /// <summary>The parameters of a playbook a run naming the credential would fill (names only; the API owns the rules).</summary>
    public Task<ApiResult<CredentialFills>> FillsAsync(string name, string playbook) =>
        rest.GetAsync<CredentialFills>($"/api/v1/credentials/{Uri.EscapeDataString(name)}/fills?playbook={Uri.EscapeDataString(playbook)}");

    private static Dictionary<string, object?> Body(CredentialInput i) => new()
    {
        ["name"] = i.Name,
        ["kind"] = i.Kind,
        ["description"] = i.Description,
        ["fields"] = i.Fields.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value),
    };
}
