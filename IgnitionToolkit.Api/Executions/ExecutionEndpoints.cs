namespace IgnitionToolkit.Api.Executions;

/// <summary><c>/api/v1/executions</c>: start, list (paged, filtered: <see cref="ExecutionListQuery"/>), get, pin, control commands, and re-run of a paused step with edited parameters.</summary>
public static class ExecutionEndpoints
{
    public static RouteGroupBuilder MapExecutionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/executions").WithTags("Executions");
        group.MapPost("/", (StartExecutionRequest request, ExecutionStarter starter, Auth.CurrentUser user, CancellationToken ct) =>
            starter.StartAsync(request with { StartedBy = user.Name }, ct)).WithName("StartExecution"); // who started it: the signed-in user
        group.MapGet("/", (ExecutionQueries queries, [AsParameters] ExecutionListQuery filter, CancellationToken ct) =>
            queries.ListAsync(filter, ct)).WithName("ListExecutions");
        group.MapGet("/{id:guid}", (Guid id, ExecutionQueries queries, CancellationToken ct) =>
            queries.GetAsync(id, ct)).WithName("GetExecution");
        group.MapPost("/{id:guid}/{command}", (Guid id, string command, ExecutionControl control, CancellationToken ct) =>
            control.SendAsync(id, command, ct)).WithName("ControlExecution");
        group.MapPost("/{id:guid}/steps/{stepPath}/rerun", (Guid id, string stepPath, RerunStepRequest? request, StepRerunner rerunner, CancellationToken ct) =>
            rerunner.RerunAsync(id, stepPath, request, ct)).WithName("RerunStep");
        group.MapPost("/{id:guid}/pin", (Guid id, ExecutionPins pins, CancellationToken ct) => pins.SetAsync(id, true, ct)).WithName("PinExecution");
        group.MapDelete("/{id:guid}/pin", (Guid id, ExecutionPins pins, CancellationToken ct) => pins.SetAsync(id, false, ct)).WithName("UnpinExecution");
        return api;
    }
}
