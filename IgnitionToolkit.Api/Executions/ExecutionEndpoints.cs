using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;

namespace IgnitionToolkit.Api.Executions;

/// <summary><c>/api/v1/executions</c>: start, list (paged, filtered: <see cref="ExecutionListQuery"/>), get, pin, control
/// commands, run again of a finished execution, resume from a step, re-run of a paused step with edited parameters, edit of a paused execution's steps not yet run (<see cref="PendingStepsEditor"/>), clicks and keys through the live view (<see cref="LiveViewInputSender"/>), and delete (a finished execution with its artifacts).</summary>
public static class ExecutionEndpoints
{
    public static RouteGroupBuilder MapExecutionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/executions").WithTags("Executions").RequireViewer();
        group.MapPost("/", (StartExecutionRequest request, ExecutionStarter starter, CurrentUser user, CancellationToken ct) =>
            starter.StartAsync(request with { StartedBy = user.Name }, ExecutionOrigin.AuditedAs(user.Name), ct)) // who started it: the signed-in user
            .WithName("StartExecution").RequireOperator()
            .NotAudited("the starter writes execution.started in the commit that stores the execution");
        group.MapGet("/", (ExecutionQueries queries, [AsParameters] ExecutionListQuery filter, CancellationToken ct) =>
            queries.ListAsync(filter, ct)).WithName("ListExecutions");
        group.MapGet("/{id:guid}", (Guid id, ExecutionQueries queries, CancellationToken ct) =>
            queries.GetAsync(id, ct)).WithName("GetExecution");
        group.MapPost("/{id:guid}/{command}", (Guid id, string command, ExecutionControl control, CancellationToken ct) =>
            control.SendAsync(id, command, ct)).WithName("ControlExecution").RequireOperator()
            .Audited<ControlAccepted>("execution.<command>", "execution", c => c.Entry with { Action = $"execution.{c.Value.Command}" }, targetRouteValue: "id");
        group.MapPost("/{id:guid}/run-again", (Guid id, RunAgainRequest? request, ExecutionRestarts restarts, CurrentUser user, CancellationToken ct) =>
            restarts.RunAgainAsync(id, request, user.Name, ct)).WithName("RunExecutionAgain").RequireOperator()
            .Audited<ExecutionSummaryDto>("execution.run_again", "execution",
                c => c.Entry with { TargetId = c.Value.Id.ToString(), Detail = $"run again of {c.Http.GetRouteValue("id")}" });
        group.MapPost("/{id:guid}/resume-from", (Guid id, ResumeExecutionRequest? request, ExecutionResumes resumes, CurrentUser user, CancellationToken ct) =>
            resumes.ResumeAsync(id, request, user.Name, automatic: false, ct)).WithName("ResumeExecutionFromStep").RequireOperator()
            .Audited<ExecutionSummaryDto>("execution.resumed_from", "execution",
                c => c.Entry with { TargetId = c.Value.Id.ToString(), Detail = $"resumes {c.Value.ResumedFromId} at step '{c.Value.ResumedAtStep}'" });
        group.MapPost("/{id:guid}/steps/{stepPath}/rerun", (Guid id, string stepPath, RerunStepRequest? request, StepRerunner rerunner, CancellationToken ct) =>
            rerunner.RerunAsync(id, stepPath, request, ct)).WithName("RerunStep").RequireOperator()
            .Audited("execution.rerun_step", "execution", targetRouteValue: "id");
        group.MapGet("/{id:guid}/pending-steps", (Guid id, PendingStepsEditor editor, CancellationToken ct) =>
            editor.GetAsync(id, ct)).WithName("GetPendingSteps");
        group.MapPut("/{id:guid}/pending-steps", (Guid id, PendingStepsRequest? request, PendingStepsEditor editor, CurrentUser user, CancellationToken ct) =>
            editor.PutAsync(id, request, user.Name, ct)).WithName("EditPendingSteps").RequireOperator()
            .Audited("execution.steps_edited", "execution", targetRouteValue: "id");
        group.MapPost("/{id:guid}/live-view/input", (Guid id, LiveViewInputRequest? request, LiveViewInputSender sender, CurrentUser user, CancellationToken ct) =>
            sender.SendAsync(id, request, user.Name, ct)).WithName("LiveViewInput").RequireOperator()
            .Audited("execution.live_view_input", "execution", targetRouteValue: "id");
        group.MapDelete("/{id:guid}", (Guid id, ExecutionRemoval removal, CancellationToken ct) => removal.DeleteAsync(id, ct))
            .WithName("DeleteExecution").RequireOperator().Audited("execution.deleted", "execution", targetRouteValue: "id");
        group.MapPost("/delete", (DeleteExecutionsRequest request, ExecutionRemoval removal, CancellationToken ct) => removal.DeleteManyAsync(request, ct))
            .WithName("DeleteExecutions").RequireOperator()
            .Audited<DeletedExecutionsDto>("execution.deleted_many", "execution",
                c => c.Entry with { Detail = $"{c.Value.Deleted} execution(s): {string.Join(", ", c.Value.Ids)}" });
        group.MapPost("/{id:guid}/pin", (Guid id, ExecutionPins pins, CancellationToken ct) => pins.SetAsync(id, true, ct))
            .WithName("PinExecution").RequireOperator().Audited("execution.pinned", "execution", targetRouteValue: "id");
        group.MapDelete("/{id:guid}/pin", (Guid id, ExecutionPins pins, CancellationToken ct) => pins.SetAsync(id, false, ct))
            .WithName("UnpinExecution").RequireOperator().Audited("execution.unpinned", "execution", targetRouteValue: "id");
        return api;
    }
}
