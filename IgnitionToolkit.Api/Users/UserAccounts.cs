using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Users;

/// <summary>Local users: creation, password checks and changes (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>),
/// role changes, and the rule that the last admin stays. A role or password change gives the user a new security stamp,
/// which ends their other tokens (<see cref="TokenRevocation"/>).</summary>
public sealed class UserAccounts(ToolkitDbContext db, IPasswordHasher<UserRecord> hasher, TimeProvider clock, UserSessions sessions)
{
    public Task<UserRecord?> FindAsync(string userName, CancellationToken ct)
    {
        var normalized = UserNames.Normalize(userName);
        return db.Users.FirstOrDefaultAsync(u => u.UserName == normalized, ct);
    }

    public Task<List<UserRecord>> ListAsync(CancellationToken ct) => db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);

    public Task<int> CountAdminsAsync(CancellationToken ct) => db.Users.CountAsync(u => u.Role == Roles.Admin, ct);

    public async Task<UserRecord> CreateAsync(string userName, string password, string role, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = new UserRecord { Id = Guid.NewGuid(), UserName = UserNames.Normalize(userName), PasswordHash = "", Role = role, SecurityStamp = SecurityStamps.New(), CreatedAt = now, UpdatedAt = now };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>The user when the password matches (rehashing an outdated hash), else null.</summary>
    public async Task<UserRecord?> VerifyAsync(string userName, string password, CancellationToken ct)
    {
        var user = await FindAsync(userName, ct);
        if (user is null)
        {
            hasher.HashPassword(new UserRecord { UserName = "", PasswordHash = "", Role = "" }, password); // same cost as a real check
            return null;
        }
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        if (user.SecurityStamp.Length == 0) user.SecurityStamp = SecurityStamps.New(); // a row older than security stamps
        user.LastLoginAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task SetPasswordAsync(UserRecord user, string password, CancellationToken ct)
    {
        user.PasswordHash = hasher.HashPassword(user, password);
        await SaveWithNewStampAsync(user, ct);
    }

    public async Task SetRoleAsync(UserRecord user, string role, CancellationToken ct)
    {
        user.Role = role;
        await SaveWithNewStampAsync(user, ct);
    }

    public async Task DeleteAsync(UserRecord user, CancellationToken ct)
    {
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        await sessions.EvictAsync(user.Id, ct);
    }

    private async Task SaveWithNewStampAsync(UserRecord user, CancellationToken ct)
    {
        user.SecurityStamp = SecurityStamps.New();
        user.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await sessions.EvictAsync(user.Id, ct);
    }

    public static string? CheckPassword(string? password) =>
        password is null || password.Length < AuthOptions.MinimumPasswordLength
            ? $"password must be at least {AuthOptions.MinimumPasswordLength} characters"
            : password.Length > 256 ? "password must be at most 256 characters" : null;
}
