using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>The webhook endpoints (<c>/api/v1/webhooks</c>): writes need an admin.</summary>
public sealed class WebhooksApi(RestClient rest)
{
    public Task<ApiResult<List<WebhookInfo>>> ListAsync() => rest.GetAsync<List<WebhookInfo>>("/api/v1/webhooks");

    public Task<ApiResult<WebhookOptions>> OptionsAsync() => rest.GetAsync<WebhookOptions>("/api/v1/webhooks/kinds");

    public Task<ApiResult<bool>> CreateAsync(WebhookInput input) => rest.PostAsync<bool>("/api/v1/webhooks", Body(input, creating: true));

    public Task<ApiResult<bool>> UpdateAsync(Guid id, WebhookInput input) => rest.PutAsync<bool>($"/api/v1/webhooks/{id}", Body(input, creating: false));

    public Task<ApiResult<bool>> DeleteAsync(Guid id) => rest.DeleteAsync($"/api/v1/webhooks/{id}");

    public Task<ApiResult<WebhookDelivery>> TestAsync(Guid id) => rest.PostAsync<WebhookDelivery>($"/api/v1/webhooks/{id}/test", null);

    public Task<ApiResult<Paged<WebhookDelivery>>> DeliveriesAsync(Guid id, int page = 1, int pageSize = 20) =>
        rest.GetAsync<Paged<WebhookDelivery>>($"/api/v1/webhooks/{id}/deliveries?page={page}&pageSize={pageSize}");

    private static Dictionary<string, object?> Body(WebhookInput i, bool creating)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = i.Name, ["preset"] = i.Preset, ["kinds"] = i.Kinds.ToList(), ["playbook_pattern"] = i.PlaybookPattern ?? "",
            ["domain"] = i.Domain ?? "", ["group"] = i.Group ?? "", ["tag"] = i.Tag ?? "", ["enabled"] = i.Enabled,
        };
        if (creating || i.Url.Length > 0) body["url"] = i.Url;
        if (i.RemoveSecret) body["secret"] = "";
        else if (creating || i.Secret.Length > 0) body["secret"] = i.Secret;
        return body;
    }
}
