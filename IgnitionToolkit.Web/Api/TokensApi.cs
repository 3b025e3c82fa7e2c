using System.Text.Json;
using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>The API token and trigger endpoints (<c>/api/v1/tokens</c>, <c>/api/v1/triggers</c>): admins only.</summary>
public sealed class TokensApi(RestClient rest)
{
    public Task<ApiResult<List<ApiTokenInfo>>> ListAsync() => rest.GetAsync<List<ApiTokenInfo>>("/api/v1/tokens");

    public Task<ApiResult<CreatedApiToken>> CreateAsync(string name, string role, int expiresInDays) =>
        rest.PostAsync<CreatedApiToken>("/api/v1/tokens", new { name, role, expiresInDays });

    public Task<ApiResult<bool>> RevokeAsync(Guid id) => rest.DeleteAsync($"/api/v1/tokens/{id}");

    public Task<ApiResult<List<TriggerInfo>>> TriggersAsync() => rest.GetAsync<List<TriggerInfo>>("/api/v1/triggers");

    public Task<ApiResult<TriggerWithSecret>> CreateTriggerAsync(TriggerInput input) =>
        rest.PostAsync<TriggerWithSecret>("/api/v1/triggers", Body(input));

    public Task<ApiResult<bool>> UpdateTriggerAsync(Guid id, TriggerInput input) => rest.PutAsync<bool>($"/api/v1/triggers/{id}", Body(input));

    public Task<ApiResult<TriggerWithSecret>> NewTriggerSecretAsync(Guid id) => rest.PostAsync<TriggerWithSecret>($"/api/v1/triggers/{id}/secret", null);

    public Task<ApiResult<bool>> DeleteTriggerAsync(Guid id) => rest.DeleteAsync($"/api/v1/triggers/{id}");

    /// <summary>The form as a request; parameters that are not a JSON object are sent as given, and the API names the field.</summary>
    private static Dictionary<string, object?> Body(TriggerInput i)
    {
        object? parameters;
        try
        {
            parameters = string.IsNullOrWhiteSpace(i.Parameters) ? null : JsonDocument.Parse(i.Parameters).RootElement.Clone();
        }
        catch (JsonException)
        {
            parameters = i.Parameters; // a string: the API answers "parameters must be a JSON object"
        }
        return new Dictionary<string, object?>
        {
            ["name"] = i.Name, ["playbook"] = i.Playbook, ["parameters"] = parameters,
            ["credential_name"] = string.IsNullOrWhiteSpace(i.CredentialName) ? null : i.CredentialName, ["enabled"] = i.Enabled,
        };
    }
}
