using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Live;
using MassTransit;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>Pushes events applied by any instance to this instance's live clients.</summary>
public sealed class LiveEventsConsumer(HubExecutionEventNotifier hub) : IConsumer<LiveEventsApplied>
{
    public Task Consume(ConsumeContext<LiveEventsApplied> context) => hub.EventsAppliedAsync(context.Message.ToMessage(), context.CancellationToken);
}

/// <summary>Forgets a changed user's cached session in this instance.</summary>
public sealed class UserSessionChangedConsumer(UserSessions sessions) : IConsumer<UserSessionChanged>
{
    public Task Consume(ConsumeContext<UserSessionChanged> context)
    {
        sessions.EvictLocal(context.Message.UserId);
        return Task.CompletedTask;
    }
}

/// <summary>Closes a revoked API token's live connections in this instance.</summary>
public sealed class ApiTokenRevokedConsumer(HubSessions hub) : IConsumer<ApiTokenRevoked>
{
    public Task Consume(ConsumeContext<ApiTokenRevoked> context)
    {
        hub.Close(context.Message.TokenId);
        return Task.CompletedTask;
    }
}
