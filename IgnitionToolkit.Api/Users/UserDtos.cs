namespace IgnitionToolkit.Api.Users;

public sealed record UserDto(Guid Id, string Username, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? LastLoginAt);

/// <summary>Create (<c>username</c>, <c>password</c>, <c>role</c>) or change (<c>role</c> and/or <c>password</c>) a user.</summary>
public sealed record UserRequest(string? Username, string? Password, string? Role);

public sealed record LoginRequest(string? Username, string? Password);

public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt, UserDto User, IReadOnlyList<string> Roles);

public sealed record MeResponse(UserDto User, IReadOnlyList<string> Roles);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public static class UserMapping
{
    public static UserDto ToDto(Persistence.Entities.UserRecord u) => new(u.Id, u.UserName, u.Role, u.CreatedAt, u.UpdatedAt, u.LastLoginAt);
}
