using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Contracts.Live;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>Published by the instance that applied a batch of events, received by every API instance (fan-out), so
/// live clients connected to any instance see every execution.</summary>
/// <param name="Events">The applied events as UTF-8 JSON (<see cref="ContractJson.SerializeSequenced(IReadOnlyList{SequencedEvent})"/>),
/// one value for MassTransit to read instead of an array it reads twice (as <c>ExecutionEventBatch</c>).</param>
public sealed record LiveEventsApplied(Guid ExecutionId, ExecutionStatus Status, long LastSequence, byte[] Events)
{
    public static LiveEventsApplied From(ExecutionEventsMessage applied) =>
        new(applied.ExecutionId, applied.Status, applied.LastSequence, ContractJson.SerializeSequenced(applied.Events));

    /// <summary>The events as live clients receive them.</summary>
    public ExecutionEventsMessage ToMessage() => new(ExecutionId, Status, LastSequence, ContractJson.DeserializeSequenced(Events));
}

/// <summary>Published when a user's role, password or stamp changed or the user was deleted: every instance forgets
/// its cached stamp of that user and closes the user's live connections.</summary>
public sealed record UserSessionChanged(Guid UserId);

/// <summary>Published when an API token is revoked: every instance closes the token's live connections.</summary>
public sealed record ApiTokenRevoked(Guid TokenId);
