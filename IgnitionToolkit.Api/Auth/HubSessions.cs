using System.Collections.Concurrent;
using IgnitionToolkit.Api.Persistence;
using Microsoft.AspNetCore.SignalR;

namespace IgnitionToolkit.Api.Auth;

/// <summary>
/// Ends the live-hub connections of revoked users. New connections are refused by the token check itself
/// (<see cref="TokenRevocation"/>); this filter closes the open connections of a user that <see cref="UserSessions"/>
/// evicts in this API instance, and checks the stamp again on every hub call (so a connection to another instance
/// ends at its next call after the cache duration).
/// </summary>
public sealed class HubSessions : IHubFilter
{
    private readonly ConcurrentDictionary<string, (Guid UserId, HubCallerContext Connection)> connections = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (OwnerId(context.Context) is { } ownerId) connections[context.Context.ConnectionId] = (ownerId, context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocationContext.Context;
        if (UserId(caller) is { } userId)
        {
            var services = invocationContext.ServiceProvider;
            var current = await services.GetRequiredService<UserSessions>()
                .GetAsync(userId, services.GetRequiredService<ToolkitDbContext>(), caller.ConnectionAborted);
            if (current is null || current.Stamp != caller.User?.FindFirst(SecurityStamps.Claim)?.Value)
            {
                caller.Abort();
                throw new HubException("the access token was revoked; sign in again");
            }
        }
        else if (Tokens.ApiTokenAuthentication.TokenId(caller.User) is { } tokenId
                 && !await invocationContext.ServiceProvider.GetRequiredService<Tokens.ApiTokenStore>().IsActiveAsync(tokenId, caller.ConnectionAborted))
        {
            caller.Abort();
            throw new HubException("the API token was revoked or has expired");
        }
        return await next(invocationContext);
    }

    /// <summary>Closes this instance's open hub connections of <paramref name="userId"/> (a user's id, or an API token's).</summary>
    public void Close(Guid userId)
    {
        foreach (var (id, entry) in connections)
        {
            if (entry.UserId != userId) continue;
            connections.TryRemove(id, out _);
            entry.Connection.Abort();
        }
    }

    private static Guid? UserId(HubCallerContext context) =>
        Guid.TryParse(context.User?.FindFirst("sub")?.Value, out var id) ? id : null;

    /// <summary>Whose connection it is: the user's id, or the API token's (both are unique ids).</summary>
    private static Guid? OwnerId(HubCallerContext context) => UserId(context) ?? Tokens.ApiTokenAuthentication.TokenId(context.User);
}
