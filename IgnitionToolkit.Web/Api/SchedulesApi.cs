using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>The schedule endpoints (<c>/api/v1/schedules</c>).</summary>
public sealed class SchedulesApi(RestClient rest)
{
    public Task<ApiResult<List<ScheduleInfo>>> ListAsync() => rest.GetAsync<List<ScheduleInfo>>("/api/v1/schedules");

    public Task<ApiResult<ScheduleInfo>> SaveAsync(ScheduleInput input, Dictionary<string, object?> body) => input.Id is { } id
        ? rest.PutAsync<ScheduleInfo>($"/api/v1/schedules/{id}", body)
        : rest.PostAsync<ScheduleInfo>("/api/v1/schedules", body);

    public Task<ApiResult<ScheduleInfo>> SetEnabledAsync(Guid id, bool enabled) =>
        rest.PostAsync<ScheduleInfo>($"/api/v1/schedules/{id}/{(enabled ? "enable" : "disable")}", null);

    public Task<ApiResult<ScheduleRunNow>> RunNowAsync(Guid id) => rest.PostAsync<ScheduleRunNow>($"/api/v1/schedules/{id}/run-now", null);

    public Task<ApiResult<bool>> DeleteAsync(Guid id) => rest.DeleteAsync($"/api/v1/schedules/{id}");

    public Task<ApiResult<Paged<ScheduleRun>>> RunsAsync(Guid id) => rest.GetAsync<Paged<ScheduleRun>>($"/api/v1/schedules/{id}/runs?pageSize=20");
}
