using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Contracts.Live;

/// <summary>
/// The API's live hub (SignalR, JSON protocol with its camelCase defaults — the same convention as the bus). Clients join
/// the list group and/or one group per execution they watch, read the current state over REST after joining, and apply
/// only events whose sequence is higher than the state's <c>last_sequence</c>.
/// </summary>
public static class LiveHub
{
    /// <summary>Path of the hub on the API (<c>/hubs/executions</c>).</summary>
    public const string Path = "/hubs/executions";

    /// <summary>Hub methods a client calls.</summary>
    public static class Methods
    {
        /// <summary>Receive <see cref="Messages.ExecutionChanged"/> for every execution.</summary>
        public const string SubscribeList = "SubscribeList";
        public const string UnsubscribeList = "UnsubscribeList";

        /// <summary>Argument: the execution id. Receive <see cref="Messages.ExecutionEvents"/> and <see cref="Messages.BrowserFrame"/> of it.</summary>
        public const string SubscribeExecution = "SubscribeExecution";
        public const string UnsubscribeExecution = "UnsubscribeExecution";
    }

    /// <summary>Client methods the hub calls.</summary>
    public static class Messages
    {
        /// <summary>Argument: <see cref="ExecutionEventsMessage"/>, to the execution's group.</summary>
        public const string ExecutionEvents = "ExecutionEvents";

        /// <summary>Argument: <see cref="ExecutionChangedMessage"/>, to the list group.</summary>
        public const string ExecutionChanged = "ExecutionChanged";

        /// <summary>Argument: <see cref="BrowserFrameMessage"/>, to the execution's group.</summary>
        public const string BrowserFrame = "BrowserFrame";
    }
}

/// <summary>Events of one execution applied (and stored) together, in sequence order, and the execution's state after them.</summary>
/// <param name="Status">The execution's status after the events.</param>
/// <param name="LastSequence">The execution's highest applied sequence after the events.</param>
public sealed record ExecutionEventsMessage(Guid ExecutionId, ExecutionStatus Status, long LastSequence, IReadOnlyList<SequencedEvent> Events);

/// <summary>Something changed in an execution (list views re-read it or patch the status).</summary>
public sealed record ExecutionChangedMessage(Guid ExecutionId, ExecutionStatus Status, long LastSequence);

/// <summary>One frame of the live browser view (<paramref name="Jpeg"/>: base64 in JSON).</summary>
public sealed record BrowserFrameMessage(Guid ExecutionId, string? StepPath, byte[] Jpeg, int Width, int Height, DateTimeOffset Timestamp);
