namespace IgnitionToolkit.Web.Api;

/// <summary>A toolkit user as the API lists it (never a password).</summary>
public sealed record UserInfo(string Username, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

/// <summary>The admin users endpoints (<c>/api/v1/users</c>) and the own-password change.</summary>
public sealed class UsersApi(RestClient rest)
{
    public Task<ApiResult<List<UserInfo>>> ListAsync() => rest.GetAsync<List<UserInfo>>("/api/v1/users");

    public Task<ApiResult<bool>> CreateAsync(string username, string password, string role) =>
        rest.PostAsync<bool>("/api/v1/users", new { username, password, role });

    public Task<ApiResult<bool>> SetRoleAsync(string username, string role) =>
        rest.PutAsync<bool>("/api/v1/users/" + Uri.EscapeDataString(username), new { role });

    public Task<ApiResult<bool>> SetPasswordAsync(string username, string password) =>
        rest.PutAsync<bool>("/api/v1/users/" + Uri.EscapeDataString(username), new { password });

    /// <summary>The signed-in user's own password (<c>POST /api/v1/auth/password</c>); the API then ends the user's tokens.</summary>
    public Task<ApiResult<bool>> ChangeOwnPasswordAsync(string currentPassword, string newPassword, CancellationToken ct) =>
        rest.PostAsync<bool>("/api/v1/auth/password", new { currentPassword, newPassword }, ct);

    public Task<ApiResult<bool>> DeleteAsync(string username) => rest.DeleteAsync("/api/v1/users/" + Uri.EscapeDataString(username));
}
