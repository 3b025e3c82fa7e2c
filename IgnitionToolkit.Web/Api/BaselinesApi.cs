namespace IgnitionToolkit.Web.Api;

/// <summary>A screenshot baseline as <c>GET /api/v1/baselines</c> lists it.</summary>
public sealed record BaselineInfo(string PlaybookPath, string Key, bool Approved, bool Pending, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    int? Width, int? Height, long? Size, int HistoryCount, IReadOnlyList<BaselineHistoryInfo>? History);

/// <summary>An earlier baseline (its picture: version = <see cref="Version"/>).</summary>
public sealed record BaselineHistoryInfo(string Version, string? ApprovedBy, DateTimeOffset? ApprovedAt, long Size);

/// <summary>The screenshot baselines endpoints (<c>/api/v1/baselines</c>); pictures go through <c>download/baselines/image</c>.</summary>
public sealed class BaselinesApi(RestClient rest)
{
    public Task<ApiResult<List<BaselineInfo>>> ListAsync() => rest.GetAsync<List<BaselineInfo>>("/api/v1/baselines");

    /// <summary>Makes the pending picture the baseline (operators; audited by the API).</summary>
    public Task<ApiResult<BaselineInfo>> ApproveAsync(string playbookPath, string key) =>
        rest.PostAsync<BaselineInfo>("/api/v1/baselines/approve", new { playbook_path = playbookPath, key });

    /// <summary>The Web's address of a baseline picture (approved, pending or a history version); <paramref name="stamp"/>
    /// makes a changed picture a new address, so the browser never shows a cached earlier one.</summary>
    public static string ImageUrl(string playbookPath, string key, string version, string? stamp = null) =>
        $"download/baselines/image?playbook={Uri.EscapeDataString(playbookPath)}&key={Uri.EscapeDataString(key)}&version={Uri.EscapeDataString(version)}"
        + (stamp is null ? "" : "&v=" + Uri.EscapeDataString(stamp));
}
