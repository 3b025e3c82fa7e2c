using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Live;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>Published by the instance that applied a batch of events when other instances are present
/// (<see cref="ApiPeers"/>), received by every API instance (fan-out), so live clients connected to any instance see
/// every execution. The publishing instance has pushed the events to its own clients already and skips its copy.</summary>
/// <param name="Events">The applied events as UTF-8 JSON (<see cref="ContractJson.SerializeSequenced(IReadOnlyList{SequencedEvent})"/>),
/// one value for MassTransit to read instead of an array it reads twice (as <c>ExecutionEventBatch</c>).</param>
/// <param name="SourceInstance">The <see cref="ApiInstance.Id"/> of the instance that applied them.</param>
public sealed record LiveEventsApplied(Guid ExecutionId, ExecutionStatus Status, long LastSequence, byte[] Events, string SourceInstance)
{
    public static LiveEventsApplied From(ExecutionEventsMessage applied, ApiInstance source) =>
        new(applied.ExecutionId, applied.Status, applied.LastSequence, ContractJson.SerializeSequenced(applied.Events), source.Id);

    /// <summary>The events as live clients receive them.</summary>
    public ExecutionEventsMessage ToMessage() => new(ExecutionId, Status, LastSequence, ContractJson.DeserializeSequenced(Events));
}

/// <summary>Published when a user's role, password or stamp changed or the user was deleted: every instance forgets
/// its cached stamp of that user and closes the user's live connections.</summary>
public sealed record UserSessionChanged(Guid UserId);

/// <summary>Published when an API token is revoked: every instance closes the token's live connections.</summary>
public sealed record ApiTokenRevoked(Guid TokenId);

/// <summary>An API instance is there (<see cref="ApiPresence"/>): at start and after a broker reconnection with
/// <paramref name="Greeting"/> set, which every other instance answers at once, then at every <see cref="ApiPeers.Interval"/>.</summary>
public sealed record ApiInstancePresent(string InstanceId, bool Greeting);

/// <summary>An API instance is stopping: the others stop sending it live events.</summary>
public sealed record ApiInstanceStopping(string InstanceId);
