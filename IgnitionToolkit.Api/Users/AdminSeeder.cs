using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Users;

/// <summary>At start-up (after the migrations) creates the first admin from <c>Toolkit:Auth:AdminUser</c> /
/// <c>Toolkit:Auth:AdminPassword</c> when the database has no admin yet. An existing admin is never changed.</summary>
public sealed partial class AdminSeeder(IServiceScopeFactory scopes, IOptions<AuthOptions> options, ILogger<AdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        if (await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken)) return;
        var o = options.Value;
        if (string.IsNullOrEmpty(o.AdminPassword))
        {
            LogNoAdmin(logger, "Toolkit__Auth__AdminPassword");
            return;
        }
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (await accounts.FindAsync(o.AdminUser, cancellationToken) is { } existing)
        {
            await accounts.SetRoleAsync(existing, Roles.Admin, cancellationToken);
            LogPromoted(logger, existing.UserName);
            return;
        }
        try
        {
            await accounts.CreateAsync(o.AdminUser, o.AdminPassword, Roles.Admin, cancellationToken);
            LogCreated(logger, UserNames.Normalize(o.AdminUser));
        }
        catch (DbUpdateException)
        {
            // another API instance sharing the database created it at the same moment
            LogCreatedElsewhere(logger, UserNames.Normalize(o.AdminUser));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin user exists and {Setting} is not set: nobody can sign in")]
    private static partial void LogNoAdmin(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} made admin (no admin existed)")]
    private static partial void LogPromoted(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "First admin {User} created from configuration")]
    private static partial void LogCreated(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "First admin {User} already created by another instance")]
    private static partial void LogCreatedElsewhere(ILogger logger, string user);
}
