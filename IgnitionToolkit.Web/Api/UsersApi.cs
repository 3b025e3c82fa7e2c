namespace IgnitionToolkit.Web.Api;

/// <summary>A toolkit user as the API lists it (never a password).</summary>
public sealed record UserInfo(string Username, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

/// <summary>The admin users endpoints (<c>/api/v1/users</c>).</summary>
public sealed class UsersApi(RestClient rest)
{
    public Task<ApiResult<List<UserInfo>>> ListAsync() => rest.GetAsync<List<UserInfo>>("/api/v1/users");

    public Task<ApiResult<bool>> CreateAsync(string username, string password, string role) =>
        rest.PostAsync<bool>("/api/v1/users", new { username, password, role });

    public Task<ApiResult<bool>> SetRoleAsync(string username, string role) =>
        rest.PutAsync<bool>("/api/v1/users/" + Uri.EscapeDataString(username), new { role });

    public Task<ApiResult<bool>> SetPasswordAsync(string username, string password) =>
        rest.PutAsync<bool>("/api/v1/users/" + Uri.EscapeDataString(username), new { password });

    public Task<ApiResult<bool>> DeleteAsync(string username) => rest.DeleteAsync("/api/v1/users/" + Uri.EscapeDataString(username));
}
