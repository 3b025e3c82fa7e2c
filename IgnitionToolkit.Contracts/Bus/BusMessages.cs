using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Contracts.Bus;

// Bus messages (MassTransit, System.Text.Json, camelCase properties; see Events.ContractJson for the one convention).

/// <summary>API → any Runner (competing consumers on one queue): run this playbook.</summary>
/// <param name="PlaybookYaml">The playbook text as validated by the API, so Runners need no shared disk.</param>
/// <param name="NestedPlaybooks">Canonical path → text of every playbook reachable through playbook.run.</param>
/// <param name="PlaybookPath">Library-relative path, for messages and resolving nested playbooks.</param>
/// <param name="ParametersJson">Start parameters as a JSON object (types preserved).</param>
public sealed record StartExecution(
    Guid ExecutionId,
    string PlaybookPath,
    string PlaybookYaml,
    IReadOnlyDictionary<string, string> NestedPlaybooks,
    string ParametersJson,
    bool DebugMode,
    DateTimeOffset RequestedAt)
{
    /// <summary>Credentials the playbook needs and parameters filled from a credential, sealed with the transport key
    /// (<c>IgnitionToolkit.Core.Security.CredentialTransport</c>); null when the execution uses none. Never clear text.</summary>
    public string? EncryptedCredentials { get; init; }

    /// <summary>A resume: start at a top-level step with what the resumed execution's earlier steps left; null: from the first step.</summary>
    public ExecutionResume? Resume { get; init; }

    /// <summary>Per-run timeouts in seconds by <see cref="TimeoutOverrideNames"/> name (gateway restarts, module installs);
    /// a step of the matching kind that does not write its own <c>timeout</c> uses it. Null: the steps' defaults.</summary>
    public IReadOnlyDictionary<string, double>? TimeoutOverrides { get; init; }
}

/// <summary>Part of <see cref="StartExecution"/>: where a resumed execution starts and what it starts with.</summary>
/// <param name="ResumedFromId">The execution whose earlier steps are reused.</param>
/// <param name="StartAtStepId">Id of the top-level step to run first (a nested <c>playbook.run</c> resumes at its parent step).</param>
/// <param name="VariablesJson">The variables (JSON object) after the last reused step, secrets masked as they were stored.</param>
/// <param name="StepOutputsJson">Step id → outputs (JSON object) of each reused step that completed.</param>
public sealed record ExecutionResume(Guid ResumedFromId, string StartAtStepId, string VariablesJson, IReadOnlyDictionary<string, string> StepOutputsJson);

/// <summary>API → Runners (published to all; only the owner acts): control a running execution.</summary>
/// <param name="Command">A <see cref="ControlCommands"/> name: pause | resume | skip | skip_back | cancel | rerun | edit_steps | browser_input</param>
public sealed record ControlExecution(Guid ExecutionId, string Command, DateTimeOffset RequestedAt)
{
    /// <summary>For <c>rerun</c>: path of the step to re-run (the one the execution is paused at, or the one before).</summary>
    public string? StepPath { get; init; }

    /// <summary>For <c>rerun</c>: the edited parameters as a JSON object (raw values, templates allowed), merged over the step's own.
    /// Secret ones are not in it: see <see cref="EncryptedParameters"/>.</summary>
    public string? ParametersJson { get; init; }

    /// <summary>For <c>rerun</c>: the edited secret parameters (secret in the step's schema or secret-looking names), as a
    /// <c>CredentialBundle</c> whose <c>Parameters</c> hold them, sealed with the transport key like
    /// <see cref="StartExecution.EncryptedCredentials"/>; null when none was edited. Never clear text.</summary>
    public string? EncryptedParameters { get; init; }

    /// <summary>For <c>edit_steps</c>: the whole playbook text as it is to run from now on, validated by the API; its
    /// top-level steps before <see cref="FromIndex"/> are the ones already run (unchanged), the rest replace the pending ones.</summary>
    public string? PlaybookYaml { get; init; }

    /// <summary>For <c>edit_steps</c>: the top-level step index the execution is paused at (the first step replaced);
    /// refused when the execution is paused elsewhere.</summary>
    public int? FromIndex { get; init; }

    /// <summary>For <c>edit_steps</c>: who edited the steps (recorded in the execution's events). For <c>browser_input</c>:
    /// who clicked or typed.</summary>
    public string? EditedBy { get; init; }

    /// <summary>For <c>browser_input</c>: the click or key. Typed text is not in it: it travels in
    /// <see cref="EncryptedParameters"/> (parameter <c>text</c>), sealed like edited secrets, as it may be a password.</summary>
    public LiveViewInput? Input { get; init; }
}

/// <summary>Part of <see cref="ControlExecution"/> <c>browser_input</c>: <c>click</c> at <see cref="X"/>, <see cref="Y"/>
/// (fractions 0–1 of the live view picture), <c>type</c> (text sealed apart) or <c>press</c> <see cref="Key"/>.</summary>
public sealed record LiveViewInput(string Kind, double? X, double? Y, string? Key);

/// <summary>Runner → API: one event of an execution. <see cref="Sequence"/> increases by one per execution from 1.</summary>
/// <param name="Event">The typed event (its <c>kind</c> says which; secrets already masked).</param>
public sealed record ExecutionEventMessage(Guid ExecutionId, long Sequence, string RunnerId, ExecutionEvent Event);

// ExecutionEventBatch (Runner → API, what a Runner publishes): ExecutionEventBatch.cs.

/// <summary>Runner → API, periodically: the executions this Runner owns are alive. Sent every
/// <c>Runner:HeartbeatInterval</c> while it owns executions and every <c>Runner:PresenceInterval</c> when idle
/// (empty <see cref="ExecutionIds"/>), so the API knows which Runners are up.</summary>
public sealed record RunnerHeartbeat(string RunnerId, IReadOnlyList<Guid> ExecutionIds, int Capacity, DateTimeOffset Timestamp);

/// <summary>Runner → API, once when a Runner starts: under <see cref="RunnerId"/> it runs nothing that started before
/// <see cref="StartedAt"/> (its own clock, as its events' timestamps). A Runner that keeps its name across restarts
/// (<c>Runner:Id</c>, or the slot it claims in the data folder) thereby ends its previous life's executions at once.</summary>
public sealed record RunnerStarted(string RunnerId, DateTimeOffset StartedAt);

/// <summary>Runner → API (published): one JPEG frame of an execution's live browser view. Relayed to subscribed
/// clients, never stored. Runners throttle frames (about 2 per second) and keep each under 200 KB.</summary>
public sealed record BrowserFrame(Guid ExecutionId, string? StepPath, byte[] Jpeg, int Width, int Height, DateTimeOffset Timestamp);
