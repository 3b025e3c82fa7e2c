using IgnitionToolkit.Contracts.Live;

namespace IgnitionToolkit.Api.Cluster;

/// <summary>Published by the instance that applied a batch of events, received by every API instance (fan-out), so
/// live clients connected to any instance see every execution.</summary>
public sealed record LiveEventsApplied(ExecutionEventsMessage Applied);

/// <summary>Published when a user's role, password or stamp changed or the user was deleted: every instance forgets
/// its cached stamp of that user and closes the user's live connections.</summary>
public sealed record UserSessionChanged(Guid UserId);

/// <summary>Published when an API token is revoked: every instance closes the token's live connections.</summary>
public sealed record ApiTokenRevoked(Guid TokenId);
