using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Runs playbooks through the step plugins of the catalogue (see docs/playbook-format.md for the semantics).</summary>
public sealed class PlaybookEngine : IPlaybookEngine
{
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly StepLoop _loop;
    private readonly IStepCatalog _catalog;

    public PlaybookEngine(IStepCatalog catalog, ITemplateResolver templates, IServiceProvider services,
        IPlaybookLoader? loader = null, ILogger<PlaybookEngine>? logger = null)
    {
        _services = services;
        _catalog = catalog;
        _logger = logger ?? NullLogger<PlaybookEngine>.Instance;
        StepLoop? loop = null;
        var nested = new NestedPlaybookRunner(loader, () => loop!);
        var invoker = new StepInvoker(catalog, templates, (session, frame, path) => new StepHost(session, frame, path, nested));
        _loop = loop = new StepLoop(invoker);
    }

    public RunningExecution Start(ExecutionRequest request, IExecutionObserver observer, CancellationToken cancellationToken)
    {
        var controller = new ExecutionController(cancellationToken, _catalog);
        var completion = Task.Run(() => RunAsync(request, observer, controller), CancellationToken.None);
        return new RunningExecution(controller, completion);
    }

    private async Task<ExecutionStatus> RunAsync(ExecutionRequest request, IExecutionObserver observer, ExecutionController controller)
    {
        var session = new ExecutionSession(request, observer, controller, _services, _logger);
        controller.RerunRefused = (path, reason) => session.Log(path, "error", reason);
        var started = DateTimeOffset.UtcNow;
        ExecutionStatus status;
        string? error = null;
        try
        {
            await session.EmitAsync(new ExecutionStartedEvent(started, request.Playbook.Name, request.Playbook.Steps.Count));
            controller.SetStatus(ExecutionStatus.Running);
            await StepLoop.EmitStatusAsync(session, ExecutionStatus.Running);

            var (values, errors) = PlaybookParameterBinder.Bind(request.Playbook, request.Parameters);
            foreach (var parameter in request.Playbook.Parameters)
            {
                if (values.TryGetValue(parameter.Name, out var v) && v is string s && SecretNames.IsSecretName(parameter.Name)) session.Masker.Add(s);
            }
            if (errors.Count > 0)
            {
                (status, error) = (ExecutionStatus.Failed, "invalid parameters: " + string.Join("; ", errors));
            }
            else
            {
                var frame = new PlaybookFrame(request.Playbook, values, null, 0);
                var (start, refused) = await Resumption.SeedAsync(session, frame, request.Resume);
                if (refused is not null)
                {
                    (status, error) = (ExecutionStatus.Failed, refused);
                }
                else
                {
                    var result = await _loop.RunAsync(session, frame, start);
                    (status, error) = result.Failed ? (ExecutionStatus.Failed, result.Error) : (ExecutionStatus.Completed, null);
                }
            }
        }
        catch (OperationCanceledException)
        {
            status = ExecutionStatus.Cancelled;
            error = controller.CancelReason ?? (controller.HostToken.IsCancellationRequested
                ? "cancelled: the execution host is shutting down"
                : "cancelled");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Execution {ExecutionId} failed unexpectedly", request.ExecutionId);
            (status, error) = (ExecutionStatus.Failed, $"internal error: {ex.Message}");
        }

        controller.SetStatus(status);
        await session.Items.DisposeAsync(); // close gateway sessions, browser contexts... before reporting the end
        await session.EmitAsync(new ExecutionFinishedEvent(DateTimeOffset.UtcNow, status, error, DateTimeOffset.UtcNow - started));
        await session.DisposeAsync();
        controller.Dispose();
        return status;
    }
}
