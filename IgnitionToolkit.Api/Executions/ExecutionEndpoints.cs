namespace IgnitionToolkit.Api.Executions;

/// <summary><c>/api/v1/executions</c>: start, list (paged; status, playbook and schedule filters), get, control commands, and re-run of a paused step with edited parameters.</summary>
public static class ExecutionEndpoints
{
    public static RouteGroupBuilder MapExecutionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/executions").WithTags("Executions");
        group.MapPost("/", (StartExecutionRequest request, ExecutionStarter starter, Auth.CurrentUser user, CancellationToken ct) =>
            starter.StartAsync(request with { StartedBy = user.Name }, ct)).WithName("StartExecution"); // who started it: the signed-in user
        group.MapGet("/", (ExecutionQueries queries, int? page, int? pageSize, string? status, string? playbook, string? schedule, CancellationToken ct) =>
            queries.ListAsync(page, pageSize, status, playbook, ct, schedule)).WithName("ListExecutions");
        group.MapGet("/{id:guid}", (Guid id, ExecutionQueries queries, CancellationToken ct) =>
            queries.GetAsync(id, ct)).WithName("GetExecution");
        group.MapPost("/{id:guid}/{command}", (Guid id, string command, ExecutionControl control, CancellationToken ct) =>
            control.SendAsync(id, command, ct)).WithName("ControlExecution");
        group.MapPost("/{id:guid}/steps/{stepPath}/rerun", (Guid id, string stepPath, RerunStepRequest? request, StepRerunner rerunner, CancellationToken ct) =>
            rerunner.RerunAsync(id, stepPath, request, ct)).WithName("RerunStep");
        return api;
    }
}
