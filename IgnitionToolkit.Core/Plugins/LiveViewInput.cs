using System.Collections.Concurrent;

namespace IgnitionToolkit.Core.Plugins;

/// <summary>One action on an execution's live browser view (click through the live view): a click at a point given as
/// fractions (0–1) of the picture, scaled by the target to its page's viewport, text typed, or a key pressed.</summary>
/// <param name="Kind"><see cref="Click"/>, <see cref="Type"/> or <see cref="Press"/>; <see cref="StopRecording"/> ends the
/// execution's recording (<c>perspective.record</c>).</param>
/// <param name="By">Who did it (named in the execution's log).</param>
public sealed record BrowserInput(string Kind, double? X, double? Y, string? Text, string? Key, string By)
{
    public const string Click = "click";
    public const string Type = "type";
    public const string Press = "press";
    public const string StopRecording = "stop_recording";

    /// <summary>Why the input cannot be applied (names the field), or null when it is well formed.</summary>
    public string? Problem() => Kind switch
    {
        Click when X is not (>= 0 and <= 1) || Y is not (>= 0 and <= 1) => "x and y must be fractions of the picture between 0 and 1",
        Click => null,
        Type when string.IsNullOrEmpty(Text) || Text.Length > 1000 => "text must be 1 to 1000 characters",
        Type => null,
        Press when string.IsNullOrWhiteSpace(Key) || Key.Length > 40 => "key must name one key (e.g. Enter, Backspace, ArrowDown)",
        Press => null,
        StopRecording => null,
        _ => $"kind must be {Click}, {Type} or {Press}",
    };

    /// <summary>How the execution's log names it: never the typed text (it may be a password), only its length.</summary>
    public string Describe() => Kind switch
    {
        Click => $"clicked at ({X:0.###}, {Y:0.###}) of the live view",
        Type => $"typed {Text!.Length} character(s)",
        StopRecording => "stopped the recording",
        _ => $"pressed {Key}",
    };
}

/// <summary>Something of an execution that takes <see cref="BrowserInput"/> (the Perspective plugin's browser page).</summary>
public interface ILiveViewInputTarget
{
    /// <summary>Applies the input; returns null when done, otherwise why not.</summary>
    Task<string?> ApplyAsync(BrowserInput input, CancellationToken cancellationToken);
}

/// <summary>The live view input targets of the executions this process runs, by execution id (a singleton of the
/// Runner; a plugin registers its page while it is open). Optional: plugins resolve it with
/// <c>context.Services.GetService&lt;LiveViewInputs&gt;()</c>.</summary>
public sealed class LiveViewInputs
{
    private readonly ConcurrentDictionary<Guid, ILiveViewInputTarget> _targets = new();

    /// <summary>Registers <paramref name="target"/> for the execution until the returned handle is disposed.</summary>
    public IDisposable Register(Guid executionId, ILiveViewInputTarget target)
    {
        _targets[executionId] = target;
        return new Registration(() => _targets.TryRemove(new KeyValuePair<Guid, ILiveViewInputTarget>(executionId, target)));
    }

    public bool TryGet(Guid executionId, out ILiveViewInputTarget target) => _targets.TryGetValue(executionId, out target!);

    private sealed class Registration(Action remove) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) remove();
        }
    }
}

/// <summary>Writes a line into an execution's own log (a <c>log</c> event, secrets masked), from outside a step — e.g.
/// a browser page saying what an operator did through the live view. The engine puts one in
/// <see cref="StepContext.Items"/> under <see cref="ItemKey"/>.</summary>
public interface IExecutionLog
{
    public const string ItemKey = "engine.execution-log";

    void Write(string? stepPath, string level, string message);
}
