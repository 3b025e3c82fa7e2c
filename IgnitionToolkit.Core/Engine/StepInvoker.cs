using System.Globalization;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using Polly;
using Polly.Retry;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Runs one step: resolves its parameters, applies timeout and retries (Polly), and reports start and finish.</summary>
internal sealed class StepInvoker(IStepCatalog catalog, ITemplateResolver templates, Func<ExecutionSession, PlaybookFrame, string, IStepHost> hostFactory)
{
    public async Task<StepRunOutcome> RunAsync(ExecutionSession session, PlaybookFrame frame, PlaybookStep step, int attemptBase = 0)
    {
        var path = frame.PathOf(step);
        var plugin = catalog.GetPlugin(step.Type);
        IReadOnlyDictionary<string, object?> parameters;
        try
        {
            if (plugin is null) throw new FormatException($"unknown step type '{step.Type}'");
            if (plugin.Descriptor.DisabledReason is { } disabled) throw new FormatException($"step type '{step.Type}' is disabled: {disabled}");
            var resolved = Resolve(plugin.Descriptor, WithTimeoutOverride(plugin.Descriptor, step.Parameters, session.Request), frame.Scope(session.Request));
            parameters = ValueCoercion.CoerceParameters(plugin.Descriptor, resolved);
            foreach (var secret in plugin.Descriptor.Parameters.Where(p => p.Secret))
                if (parameters.TryGetValue(secret.Name, out var v) && v is string s) session.Masker.Add(s);
        }
        catch (Exception ex) when (ex is FormatException or TemplateException)
        {
            var error = $"{step.Location}: step '{step.Id}': {ex.Message}";
            await Started(session, frame, step, path, attemptBase + 1, step.Parameters);
            return await Finished(session, frame, step, path, new StepRunOutcome(StepStatus.Failed, StepRunOutcome.NoOutputs, error, Navigation.None), TimeSpan.Zero, attemptBase + 1);
        }

        var attempt = attemptBase;
        var interruption = Navigation.None;
        var started = DateTimeOffset.UtcNow;
        var retries = session.DebugMode ? 0 : step.RetryCount;
        var pipeline = retries <= 0
            ? null // no retry: the attempt is called directly (a pipeline around it costs a step microseconds)
            : new ResiliencePipelineBuilder<StepResult>().AddRetry(new RetryStrategyOptions<StepResult>
            {
                MaxRetryAttempts = retries,
                Delay = step.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => ValueTask.FromResult(
                    interruption == Navigation.None && args.Outcome.Result is { Outcome: StepOutcome.Failed }),
                OnRetry = args =>
                {
                    session.Log(path, "warning", string.Create(CultureInfo.InvariantCulture,
                        $"attempt {attemptBase + args.AttemptNumber + 1} of {attemptBase + retries + 1} failed: {args.Outcome.Result?.Error}; retrying in {step.RetryDelay.TotalSeconds:0.###} s"));
                    return ValueTask.CompletedTask;
                },
            }).Build();

        StepResult result;
        try
        {
            async ValueTask<StepResult> Attempt(CancellationToken _)
            {
                attempt++;
                await Started(session, frame, step, path, attempt, parameters);
                var (r, nav) = await AttemptAsync(session, frame, step, path, plugin!, parameters, attempt);
                interruption = nav;
                return r;
            }
            result = pipeline is null ? await Attempt(session.Controller.Token) : await pipeline.ExecuteAsync(Attempt, session.Controller.Token);
        }
        catch (OperationCanceledException)
        {
            var cancelled = new StepRunOutcome(StepStatus.Skipped, StepRunOutcome.NoOutputs, "cancelled", Navigation.None);
            await Finished(session, frame, step, path, cancelled, DateTimeOffset.UtcNow - started, Math.Max(attempt, attemptBase + 1));
            throw;
        }

        var outcome = interruption switch
        {
            Navigation.Skip => new StepRunOutcome(StepStatus.Skipped, StepRunOutcome.NoOutputs, "skipped by user", Navigation.Skip),
            Navigation.Back => new StepRunOutcome(StepStatus.Skipped, StepRunOutcome.NoOutputs, "interrupted by skip back", Navigation.Back),
            _ => new StepRunOutcome(
                result.Outcome switch { StepOutcome.Completed => StepStatus.Completed, StepOutcome.Skipped => StepStatus.Skipped, _ => StepStatus.Failed },
                result.Outputs, result.Error, Navigation.None),
        };
        if (outcome.Status == StepStatus.Completed) frame.StepOutputs[step.Id] = outcome.Outputs;
        return await Finished(session, frame, step, path, outcome, DateTimeOffset.UtcNow - started, attempt);
    }

    /// <summary>The run's timeout override for this step type, as its <c>timeout</c> when the step does not write one.</summary>
    private static IReadOnlyDictionary<string, object?> WithTimeoutOverride(StepTypeDescriptor descriptor, IReadOnlyDictionary<string, object?> values, ExecutionRequest request)
    {
        if (descriptor.TimeoutOverride is not { } name || !request.TimeoutOverrides.TryGetValue(name, out var seconds)) return values;
        if (new[] { "timeout", "timeout_seconds" }.Any(n => values.TryGetValue(n, out var written) && written is not null)) return values; // v2 name too
        return new Dictionary<string, object?>(values, StringComparer.Ordinal) { ["timeout"] = seconds };
    }

    /// <summary>The step's own time limit; a step left at the default limit that follows a longer timeout override gets
    /// that override plus a minute, so the step can report its own timeout instead of being cut off at 300 s.</summary>
    internal static TimeSpan StepTimeout(StepTypeDescriptor descriptor, PlaybookStep step, ExecutionRequest request) =>
        step.Timeout == PlaybookStep.DefaultTimeout && descriptor.TimeoutOverride is { } name && request.TimeoutOverrides.TryGetValue(name, out var seconds)
            && TimeSpan.FromSeconds(seconds) >= step.Timeout
            ? TimeSpan.FromSeconds(seconds) + TimeSpan.FromMinutes(1)
            : step.Timeout;

    /// <summary>Resolves the templates of every parameter, each in the template style its schema declares.</summary>
    private IReadOnlyDictionary<string, object?> Resolve(StepTypeDescriptor descriptor, IReadOnlyDictionary<string, object?> values, TemplateScope scope)
    {
        var resolved = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var style = descriptor.Parameters.FirstOrDefault(p => p.Name == name)?.TemplateStyle ?? TemplateStyle.Text;
            resolved[name] = templates.Resolve(value, scope.WithStyle(style));
        }
        return resolved;
    }

    private async Task<(StepResult, Navigation)> AttemptAsync(ExecutionSession session, PlaybookFrame frame, PlaybookStep step,
        string path, IStepPlugin plugin, IReadOnlyDictionary<string, object?> parameters, int attempt)
    {
        var token = session.Controller.BeginStep(StepTimeout(plugin.Descriptor, step, session.Request), out var endStep);
        var ended = false;
        Task<StepResult>? running = null;
        try
        {
            var context = new StepContext
            {
                ExecutionId = session.Request.ExecutionId,
                StepId = step.Id,
                StepPath = path,
                StepType = step.Type,
                Parameters = parameters,
                Variables = frame.Variables,
                Logger = new ExecutionLogger(session, path),
                Artifacts = new FileArtifactSink(session, path),
                Services = session.Services,
                Host = hostFactory(session, frame, path),
                Attempt = attempt,
                Items = session.Items,
                PlaybookParameters = frame.Parameters,
                StepOutputs = frame.StepOutputs,
                Credentials = session.Request.Credentials,
            };
            running = plugin.ExecuteAsync(context, token);
            var result = await running.WaitAsync(token);
            return (result, Navigation.None);
        }
        catch (OperationCanceledException) when (!session.Controller.Token.IsCancellationRequested)
        {
            ended = true;
            var nav = endStep();
            if (nav != Navigation.None) return (StepResult.Failed("interrupted"), nav);
            return (StepResult.Failed(string.Create(CultureInfo.InvariantCulture,
                $"step '{step.Id}' timed out after {step.Timeout.TotalSeconds:0.###} s")), Navigation.None);
        }
        catch (StepParameterException ex)
        {
            return (StepResult.Failed($"{Location(step, ex.Parameter)}: parameter '{ex.Parameter}': {ex.Message}"), Navigation.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (StepResult.Failed(ex.Message), Navigation.None);
        }
        finally
        {
            if (!ended) endStep();
            await SettleAsync(running);
        }
    }

    /// <summary>How long a step that was cancelled or timed out gets to finish what it started (close a browser context it
    /// was opening, kill its process) before the engine goes on without it: the execution's items are disposed after
    /// the step, so what the step opens meanwhile is closed with the execution instead of after it.</summary>
    internal static readonly TimeSpan SettleGrace = TimeSpan.FromSeconds(10);

    private static async Task SettleAsync(Task<StepResult>? running)
    {
        if (running is null || running.IsCompleted) return;
        try
        {
            await running.WaitAsync(SettleGrace);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // cancelled, failed or still running: the step's result no longer counts; a step that ignores cancellation
            // longer than the grace is left behind (ExecutionItems still closes what it adds later)
        }
    }

    private static SourceLocation Location(PlaybookStep step, string parameter) =>
        step.ParameterLocations.TryGetValue(parameter, out var location) ? location : step.Location;

    private static async Task Started(ExecutionSession session, PlaybookFrame frame, PlaybookStep step, string path, int attempt,
        IReadOnlyDictionary<string, object?> parameters)
    {
        session.RecordAttempt(path, attempt);
        await session.EmitAsync(new StepStartedEvent(DateTimeOffset.UtcNow, path, frame.ParentPath, step.Id, step.Name, step.Type, attempt, parameters));
    }

    internal static async Task<StepRunOutcome> Finished(ExecutionSession session, PlaybookFrame frame, PlaybookStep step, string path,
        StepRunOutcome outcome, TimeSpan duration, int attempt)
    {
        // A top-level step reports the variables it left: a later resume from the next step starts with them.
        var variables = frame.ParentPath is null ? new Dictionary<string, object?>(frame.Variables) : null;
        var finished = new StepFinishedEvent(DateTimeOffset.UtcNow, path, frame.ParentPath, step.Id, outcome.Status,
            outcome.Outputs, outcome.Error, duration, attempt);
        await session.EmitAsync(finished with { Variables = variables });
        return outcome;
    }
}
