using System.Text.Json;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.Runner.Execution;
using MassTransit;
using Microsoft.Extensions.Logging;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Runner.Messaging;

/// <summary>Control commands are published to every Runner (each has its own temporary queue); only the owner acts.
/// A cancel for an execution not owned here is remembered, so its start command is skipped if it comes later.</summary>
public sealed partial class ControlExecutionConsumer(
    ExecutionRegistry registry, EarlyCancellations earlyCancellations, CredentialTransport transport, IPlaybookLoader loader,
    LiveViewInputs liveViewInputs, ILogger<ControlExecutionConsumer> logger)
    : IConsumer<ControlExecution>
{
    public const string CancelledBeforeStartReason = "cancelled before it started";

    public Task Consume(ConsumeContext<ControlExecution> context)
    {
        var message = context.Message;
        if (ControlCommands.IsRerun(message.Command)) return RerunAsync(message);
        if (ControlCommands.IsEditSteps(message.Command)) return EditStepsAsync(message);
        if (ControlCommands.IsBrowserInput(message.Command)) return BrowserInputAsync(message, context.CancellationToken);
        var known = ControlCommands.TryParse(message.Command, out var command);
        if (!registry.TryGet(message.ExecutionId, out var execution))
        {
            if (known && command == ExecutionCommand.Cancel) earlyCancellations.Remember(message.ExecutionId);
            return Task.CompletedTask;
        }
        if (!known)
        {
            LogUnknown(logger, message.Command, message.ExecutionId);
            return Task.CompletedTask;
        }

        if (execution.Control is null)
        {
            if (command == ExecutionCommand.Cancel) execution.Cancel(CancelledBeforeStartReason);
            else LogNotStarted(logger, message.Command, message.ExecutionId);
            return Task.CompletedTask;
        }

        try
        {
            execution.Control.Send(command);
            LogSent(logger, message.Command, message.ExecutionId);
        }
        catch (InvalidOperationException ex)
        {
            LogRefused(logger, message.Command, message.ExecutionId, ex.Message);
        }
        return Task.CompletedTask;
    }

    /// <summary>Re-runs a paused step with edited parameters; a refusal is also written to the execution's log by the engine.</summary>
    private Task RerunAsync(ControlExecution message)
    {
        if (!registry.TryGet(message.ExecutionId, out var execution)) return Task.CompletedTask;
        if (execution.Control is not IStepRerunControl control)
        {
            LogNotStarted(logger, message.Command, message.ExecutionId);
            return Task.CompletedTask;
        }
        Dictionary<string, object?> overrides;
        try
        {
            overrides = new(ParameterOverrides.FromJson(message.ParametersJson), StringComparer.Ordinal);
            if (!string.IsNullOrEmpty(message.EncryptedParameters))
            {
                if (!transport.IsConfigured) throw new SecretEnvelopeException(transport.Problem!);
                foreach (var (name, value) in transport.Open(message.EncryptedParameters, message.ExecutionId).Parameters) overrides[name] = value;
            }
        }
        catch (JsonException ex)
        {
            LogRefused(logger, message.Command, message.ExecutionId, "the edited parameters are not a JSON object: " + ex.Message);
            return Task.CompletedTask;
        }
        catch (SecretEnvelopeException ex)
        {
            LogRefused(logger, message.Command, message.ExecutionId, "the edited secret parameters could not be decrypted: " + ex.Message);
            return Task.CompletedTask;
        }
        var refusal = control.RerunStep(message.StepPath ?? string.Empty, overrides);
        if (refusal is null) LogSent(logger, message.Command, message.ExecutionId);
        else LogRefused(logger, message.Command, message.ExecutionId, refusal);
        return Task.CompletedTask;
    }

    /// <summary>Replaces the steps not yet run of a paused execution with those of the edited playbook (validated by the
    /// API; loaded again here with the same loader); a refusal is also written to the execution's log by the engine.</summary>
    private Task EditStepsAsync(ControlExecution message)
    {
        if (!registry.TryGet(message.ExecutionId, out var execution)) return Task.CompletedTask;
        if (execution.Control is not IPendingStepsControl control)
        {
            LogNotStarted(logger, message.Command, message.ExecutionId);
            return Task.CompletedTask;
        }
        var loaded = loader.Load(message.PlaybookYaml ?? "", "edited playbook");
        if (!loaded.IsValid || loaded.Playbook is null || message.FromIndex is not { } from)
        {
            LogRefused(logger, message.Command, message.ExecutionId,
                "the edited playbook is invalid: " + string.Join("; ", loaded.Errors.Select(d => d.ToString())));
            return Task.CompletedTask;
        }
        var refusal = control.ReplacePendingSteps(new PendingStepsReplacement(from, loaded.Playbook, message.PlaybookYaml!, message.EditedBy ?? "unknown"));
        if (refusal is null) LogSent(logger, message.Command, message.ExecutionId);
        else LogRefused(logger, message.Command, message.ExecutionId, refusal);
        return Task.CompletedTask;
    }

    /// <summary>Click through the live view: the execution's browser page (registered by the Perspective plugin while
    /// open) takes the click or keys and writes what was done into the execution's log.</summary>
    private async Task BrowserInputAsync(ControlExecution message, CancellationToken ct)
    {
        if (!registry.TryGet(message.ExecutionId, out _)) return;
        if (message.Input is not { } input || !liveViewInputs.TryGet(message.ExecutionId, out var target))
        {
            LogRefused(logger, message.Command, message.ExecutionId, "the execution has no open browser page");
            return;
        }
        string? text = null;
        try
        {
            if (!string.IsNullOrEmpty(message.EncryptedParameters))
            {
                if (!transport.IsConfigured) throw new SecretEnvelopeException(transport.Problem!);
                text = transport.Open(message.EncryptedParameters, message.ExecutionId).Parameters.GetValueOrDefault("text");
            }
        }
        catch (SecretEnvelopeException ex)
        {
            LogRefused(logger, message.Command, message.ExecutionId, "the typed text could not be decrypted: " + ex.Message);
            return;
        }
        var refusal = await target.ApplyAsync(new BrowserInput(input.Kind, input.X, input.Y, text, input.Key, message.EditedBy ?? "unknown"), ct);
        if (refusal is null) LogSent(logger, message.Command, message.ExecutionId);
        else LogRefused(logger, message.Command, message.ExecutionId, refusal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown control command '{Command}' for execution {ExecutionId} (expected pause, resume, skip, skip_back, cancel, rerun, edit_steps or browser_input)")]
    private static partial void LogUnknown(ILogger logger, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Control command '{Command}' for execution {ExecutionId} arrived before it started; ignored")]
    private static partial void LogNotStarted(ILogger logger, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Control command '{Command}' sent to execution {ExecutionId}")]
    private static partial void LogSent(ILogger logger, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {ExecutionId} refused control command '{Command}': {Reason}")]
    private static partial void LogRefused(ILogger logger, string command, Guid executionId, string reason);
}
