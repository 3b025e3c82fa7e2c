using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>The gateway inventory endpoints (<c>/api/v1/gateways</c>), its import included.</summary>
public sealed class GatewaysApi(RestClient rest)
{
    public Task<ApiResult<List<GatewayInfo>>> ListAsync() => rest.GetAsync<List<GatewayInfo>>("/api/v1/gateways");

    public Task<ApiResult<bool>> CreateAsync(GatewayInput input) => rest.PostAsync<bool>("/api/v1/gateways", Body(input));

    public Task<ApiResult<bool>> UpdateAsync(string name, GatewayInput input) =>
        rest.PutAsync<bool>("/api/v1/gateways/" + Uri.EscapeDataString(name), Body(input));

    public Task<ApiResult<bool>> DeleteAsync(string name) => rest.DeleteAsync("/api/v1/gateways/" + Uri.EscapeDataString(name));

    /// <summary>What the file would change (new, changed, unchanged) and its errors by line; nothing is written.</summary>
    public Task<ApiResult<GatewayImportResultModel>> PreviewImportAsync(string fileName, string content) =>
        rest.PostAsync<GatewayImportResultModel>("/api/v1/gateways/import/preview", new { fileName, content });

    public Task<ApiResult<GatewayImportResultModel>> ImportAsync(string fileName, string content) =>
        rest.PostAsync<GatewayImportResultModel>("/api/v1/gateways/import", new { fileName, content });

    private static Dictionary<string, object?> Body(GatewayInput i) => new()
    {
        ["name"] = i.Name.Trim(),
        ["url"] = i.Url.Trim(),
        ["description"] = i.Description,
        ["tags"] = GatewayInput.ParseTags(i.TagsText),
        ["credential_name"] = string.IsNullOrWhiteSpace(i.CredentialName) ? null : i.CredentialName,
        ["concurrency_limit"] = i.ConcurrencyLimit,
    };
}

/// <summary>The fleet run endpoints (<c>/api/v1/fleet-runs</c>).</summary>
public sealed class FleetRunsApi(RestClient rest)
{
    public Task<ApiResult<Paged<FleetRun>>> ListAsync(int page, int pageSize) =>
        rest.GetAsync<Paged<FleetRun>>($"/api/v1/fleet-runs?page={page}&pageSize={pageSize}");

    public Task<ApiResult<FleetRun>> GetAsync(Guid id, CancellationToken ct = default) => rest.GetAsync<FleetRun>($"/api/v1/fleet-runs/{id}", ct);

    /// <param name="tags">Tags every selected gateway carries (may be empty when <paramref name="gateways"/> names some).</param>
    public Task<ApiResult<FleetRun>> StartAsync(string playbook, IReadOnlyCollection<string> gateways, IReadOnlyDictionary<string, string> tags,
        int maxParallel, int? stopAfterFailures) =>
        rest.PostAsync<FleetRun>("/api/v1/fleet-runs", new
        {
            playbook, selection = new { gateways, tags }, maxParallel, stopAfterFailures,
        });

    public Task<ApiResult<bool>> CancelAsync(Guid id) => rest.PostAsync<bool>($"/api/v1/fleet-runs/{id}/cancel", null);
}
