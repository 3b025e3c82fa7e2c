using System.Threading.Channels;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.Extensions.Logging;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Engine;

/// <summary>State shared by everything that runs within one execution: request, control, secrets and the ordered event stream.</summary>
internal sealed class ExecutionSession : IAsyncDisposable
{
    /// <summary>The events on their way to an observer that may wait (null for an <see cref="IImmediateExecutionObserver"/>, called inline).</summary>
    private readonly Channel<ExecutionEvent>? _events;
    private readonly Task _pump = Task.CompletedTask;
    private readonly IExecutionObserver _observer;
    /// <summary>Orders inline deliveries (events come from the engine and from plugins' own threads); set once disposed.</summary>
    private readonly Lock _inline = new();
    private bool _closed;

    public ExecutionSession(ExecutionRequest request, IExecutionObserver observer, ExecutionController controller,
        IServiceProvider services, ILogger hostLogger)
    {
        Request = request;
        _observer = observer;
        Controller = controller;
        Services = services;
        HostLogger = hostLogger;
        // Every credential value is a secret except the fields a plugin's credential binder declares plain (a gateway login's user name and URL).
        var binders = services.GetService(typeof(IgnitionToolkit.Core.Plugins.CredentialBinders)) as IgnitionToolkit.Core.Plugins.CredentialBinders
            ?? IgnitionToolkit.Core.Plugins.CredentialBinders.None;
        foreach (var credential in request.Credentials.Values)
        {
            foreach (var (field, value) in credential)
            {
                if (!binders.IsPlainField(field)) Masker.Add(value);
            }
        }
        IgnitionToolkit.Core.Security.LiveSecrets.Track(Masker); // host log sinks mask this execution's secrets too
        Items.Set<IgnitionToolkit.Core.Plugins.IExecutionLog>(IgnitionToolkit.Core.Plugins.IExecutionLog.ItemKey, new SessionLog(this));
        if (observer is not IImmediateExecutionObserver)
        {
            _events = Channel.CreateUnbounded<ExecutionEvent>(new UnboundedChannelOptions { SingleReader = true });
            _pump = Task.Run(PumpAsync);
        }
    }

    public ExecutionRequest Request { get; }
    public ExecutionController Controller { get; }
    public IServiceProvider Services { get; }
    public ILogger HostLogger { get; }
    public SecretMasker Masker { get; } = new();
    public IgnitionToolkit.Core.Plugins.ExecutionItems Items { get; } = new();
    public bool DebugMode => Request.DebugMode;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <summary>The highest attempt number reported for a step path (0 before it ran): re-runs number their attempts after it.</summary>
    public int LastAttempt(string stepPath) => _attempts.GetValueOrDefault(stepPath);

    public void RecordAttempt(string stepPath, int attempt) => _attempts.AddOrUpdate(stepPath, attempt, (_, old) => Math.Max(old, attempt));

    /// <summary>Queues an event for the observer (masked, in order).</summary>
    public ValueTask EmitAsync(ExecutionEvent engineEvent)
    {
        Deliver(Mask(engineEvent));
        return ValueTask.CompletedTask;
    }

    public void Log(string? stepPath, string level, string message)
    {
        var masked = Masker.Apply(message);
        using (HostLogger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = Request.ExecutionId }))
        {
            HostLogger.Log(ToLogLevel(level), "[{ExecutionId}] {StepPath}: {Message}", Request.ExecutionId, stepPath ?? "-", masked);
        }
        Deliver(new LogEvent(DateTimeOffset.UtcNow, stepPath, level, masked));
    }

    public async ValueTask DisposeAsync()
    {
        await Items.DisposeAsync();
        lock (_inline) _closed = true; // what a plugin's thread reports after this is dropped, as the channel drops it
        _events?.Writer.TryComplete();
        await _pump;
        IgnitionToolkit.Core.Security.LiveSecrets.Untrack(Masker);
    }

    /// <summary>Hands a (masked) event on: to an immediate observer at once, in order; otherwise through the pump.</summary>
    private void Deliver(ExecutionEvent engineEvent)
    {
        if (_events is not null)
        {
            _events.Writer.TryWrite(engineEvent);
            return;
        }
        lock (_inline)
        {
            if (_closed) return;
            ValueTask delivered;
            try
            {
                delivered = _observer.OnEventAsync(engineEvent, CancellationToken.None);
            }
            catch (Exception ex)
            {
                ObserverFailed(ex);
                return;
            }
            if (!delivered.IsCompletedSuccessfully) _ = AwaitLateAsync(delivered); // against the contract: never lost, never awaited under the lock
        }
    }

    private async Task AwaitLateAsync(ValueTask delivered)
    {
        try
        {
            await delivered;
        }
        catch (Exception ex)
        {
            ObserverFailed(ex);
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var engineEvent in _events!.Reader.ReadAllAsync())
        {
            try
            {
                await _observer.OnEventAsync(engineEvent, CancellationToken.None);
            }
            catch (Exception ex)
            {
                ObserverFailed(ex);
            }
        }
    }

    private void ObserverFailed(Exception ex) => HostLogger.LogError(ex, "Execution observer failed for {ExecutionId}", Request.ExecutionId);

    private ExecutionEvent Mask(ExecutionEvent e) => e switch
    {
        StepStartedEvent s => s with { Parameters = Masker.ApplyMap(s.Parameters) },
        StepFinishedEvent f => f with
        {
            Outputs = Masker.ApplyMap(f.Outputs),
            Error = Masker.ApplyNullable(f.Error),
            Variables = f.Variables is null ? null : Masker.ApplyMap(f.Variables),
        },
        LogEvent l => l with { Message = Masker.Apply(l.Message) },
        DebugPausedEvent d => d with { Error = Masker.ApplyNullable(d.Error), Parameters = Masker.ApplyMap(d.Parameters), Variables = Masker.ApplyMap(d.Variables) },
        ExecutionFinishedEvent x => x with { Error = Masker.ApplyNullable(x.Error) },
        ExecutionStatusChangedEvent c => c with { Reason = Masker.ApplyNullable(c.Reason) },
        PendingStepsEditedEvent p => p with { PlaybookYaml = Masker.Apply(p.PlaybookYaml) },
        _ => e,
    };

    private sealed class SessionLog(ExecutionSession session) : IgnitionToolkit.Core.Plugins.IExecutionLog
    {
        public void Write(string? stepPath, string level, string message) => session.Log(stepPath, level, message);
    }

    private static LogLevel ToLogLevel(string level) => level switch
    {
        "debug" => LogLevel.Debug,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };
}

/// <summary>One playbook being run (the top level or a nested one): its scope of parameters, variables and step outputs.</summary>
internal sealed class PlaybookFrame(Playbook playbook, IReadOnlyDictionary<string, object?> parameters, string? parentPath, int depth)
{
    /// <summary>The playbook as it runs; an edit while paused replaces its pending steps (<see cref="ReplacePending"/>).</summary>
    public Playbook Playbook { get; private set; } = playbook;
    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;
    public string? ParentPath { get; } = parentPath;
    public int Depth { get; } = depth;
    /// <summary>The frame that called this one through <c>playbook.run</c>.</summary>
    public PlaybookFrame? Caller { get; init; }
    public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyDictionary<string, object?>> StepOutputs { get; } = new(StringComparer.Ordinal);
    /// <summary>Steps whose parameters were edited for a re-run, by index: they run edited from then on.</summary>
    public Dictionary<int, PlaybookStep> EditedSteps { get; } = [];

    /// <summary>The step at <paramref name="index"/>, with its edited parameters if it was re-run with edits.</summary>
    public PlaybookStep Effective(int index) => EditedSteps.TryGetValue(index, out var edited) ? edited : Playbook.Steps[index];

    /// <summary>Runs <paramref name="edited"/> from step <paramref name="fromIndex"/> on: the steps before it must be the
    /// ones of the current playbook (same ids); re-run edits of the replaced steps are dropped.</summary>
    public void ReplacePending(int fromIndex, Playbook edited)
    {
        if (edited.Steps.Count < fromIndex)
            throw new InvalidOperationException($"the edited playbook has {edited.Steps.Count} steps; the {fromIndex} already run must stay");
        for (var j = 0; j < fromIndex; j++)
        {
            if (!string.Equals(edited.Steps[j].Id, Playbook.Steps[j].Id, StringComparison.Ordinal))
                throw new InvalidOperationException($"step {j + 1} ('{Playbook.Steps[j].Id}') has already run and cannot change");
        }
        foreach (var index in EditedSteps.Keys.Where(k => k >= fromIndex).ToList()) EditedSteps.Remove(index);
        Playbook = edited;
    }

    public string PathOf(PlaybookStep step) => ParentPath is null ? step.Id : $"{ParentPath}/{step.Id}";

    public TemplateScope Scope(ExecutionRequest request) => new()
    {
        Parameters = Parameters,
        Variables = Variables,
        Credentials = request.Credentials,
        StepOutputs = StepOutputs,
    };
}
