using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Live;
using MassTransit;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>Pushes events applied by another instance to this instance's live clients (its own it pushed already).</summary>
public sealed class LiveEventsConsumer(HubExecutionEventNotifier hub, ApiInstance self) : IConsumer<LiveEventsApplied>
{
    public Task Consume(ConsumeContext<LiveEventsApplied> context) => context.Message.SourceInstance == self.Id
        ? Task.CompletedTask
        : hub.EventsAppliedAsync(context.Message.ToMessage(), context.CancellationToken);
}

/// <summary>Keeps <see cref="ApiPeers"/> current and answers a new instance's greeting.</summary>
public sealed class ApiPresenceConsumer(ApiPeers peers, ApiPresence presence) : IConsumer<ApiInstancePresent>, IConsumer<ApiInstanceStopping>
{
    public async Task Consume(ConsumeContext<ApiInstancePresent> context)
    {
        if (peers.Seen(context.Message.InstanceId) && context.Message.Greeting) await presence.AnswerAsync(context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ApiInstanceStopping> context)
    {
        peers.Forget(context.Message.InstanceId);
        return Task.CompletedTask;
    }
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
