using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Users;

/// <summary>At start-up (after the migrations) creates the first admin from <c>Toolkit:Auth:AdminUser</c> /
/// <c>Toolkit:Auth:AdminPassword</c> when the database has no admin yet. An existing admin is never changed.</summary>
public sealed class AdminSeeder(IServiceScopeFactory scopes, IOptions<AuthOptions> options, ILogger<AdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        if (await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken)) return;
        var o = options.Value;
        if (string.IsNullOrEmpty(o.AdminPassword))
        {
            logger.LogWarning("No admin user exists and {Setting} is not set: nobody can sign in", "Toolkit__Auth__AdminPassword");
            return;
        }
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (await accounts.FindAsync(o.AdminUser, cancellationToken) is { } existing)
        {
            await accounts.SetRoleAsync(existing, Roles.Admin, cancellationToken);
            logger.LogInformation("User {User} made admin (no admin existed)", existing.UserName);
            return;
        }
        try
        {
            await accounts.CreateAsync(o.AdminUser, o.AdminPassword, Roles.Admin, cancellationToken);
            logger.LogInformation("First admin {User} created from configuration", UserNames.Normalize(o.AdminUser));
        }
        catch (DbUpdateException)
        {
            // another API instance sharing the database created it at the same moment
            logger.LogInformation("First admin {User} already created by another instance", UserNames.Normalize(o.AdminUser));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
