using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Role = IgnitionToolkit.Api.Auth.Roles;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>
/// Every endpoint the API maps (read from its <see cref="EndpointDataSource"/>, so a new one cannot slip by) declares
/// who may call it and, when it changes something, what it writes to the audit trail. The tables below are the
/// user-visible contract: the roles of docs/security.md and the audit actions that <c>GET /api/v1/audit</c> shows.
/// </summary>
[Trait("Category", "Functional")]
public sealed class EndpointDeclarationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Anonymous = "anonymous";

    /// <summary>The least role of each <c>/api/v1</c> endpoint.</summary>
    private static readonly Dictionary<string, string> ExpectedRoles = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/version"] = Anonymous,
        ["POST /api/v1/auth/login"] = Anonymous,
        ["GET /api/v1/auth/me"] = Role.Viewer,
        ["POST /api/v1/auth/password"] = Role.Viewer,
        ["GET /api/v1/users/"] = Role.Admin,
        ["GET /api/v1/users/{userName}"] = Role.Admin,
        ["POST /api/v1/users/"] = Role.Admin,
        ["PUT /api/v1/users/{userName}"] = Role.Admin,
        ["DELETE /api/v1/users/{userName}"] = Role.Admin,
        ["GET /api/v1/audit/"] = Role.Admin,
        ["GET /api/v1/audit/actions"] = Role.Admin,
        ["GET /api/v1/playbooks/"] = Role.Viewer,
        ["GET /api/v1/playbooks/{*path}"] = Role.Viewer,
        ["POST /api/v1/playbooks/validate"] = Role.Operator,
        ["POST /api/v1/playbooks/"] = Role.Operator,
        ["PUT /api/v1/playbooks/{*path}"] = Role.Operator,
        ["DELETE /api/v1/playbooks/{*path}"] = Role.Operator,
        ["GET /api/v1/step-types/"] = Role.Viewer,
        ["GET /api/v1/step-types/errors"] = Role.Viewer,
        ["POST /api/v1/executions/"] = Role.Operator,
        ["GET /api/v1/executions/"] = Role.Viewer,
        ["GET /api/v1/executions/{id:guid}"] = Role.Viewer,
        ["POST /api/v1/executions/{id:guid}/{command}"] = Role.Operator,
        ["POST /api/v1/executions/{id:guid}/run-again"] = Role.Operator,
        ["POST /api/v1/executions/{id:guid}/resume-from"] = Role.Operator,
        ["POST /api/v1/executions/{id:guid}/steps/{stepPath}/rerun"] = Role.Operator,
        ["GET /api/v1/executions/{id:guid}/pending-steps"] = Role.Viewer,
        ["PUT /api/v1/executions/{id:guid}/pending-steps"] = Role.Operator,
        ["POST /api/v1/executions/{id:guid}/live-view/input"] = Role.Operator,
        ["POST /api/v1/executions/delete"] = Role.Operator,
        ["DELETE /api/v1/executions/{id:guid}"] = Role.Operator,
        ["POST /api/v1/executions/{id:guid}/pin"] = Role.Operator,
        ["DELETE /api/v1/executions/{id:guid}/pin"] = Role.Operator,
        ["GET /api/v1/executions/{id:guid}/artifacts"] = Role.Viewer,
        ["GET /api/v1/executions/{id:guid}/artifacts/{name}"] = Role.Viewer,
        ["GET /api/v1/credentials/"] = Role.Viewer,
        ["GET /api/v1/credentials/{name}"] = Role.Viewer,
        ["GET /api/v1/credentials/{name}/fills"] = Role.Viewer,
        ["POST /api/v1/credentials/"] = Role.Admin,
        ["PUT /api/v1/credentials/{name}"] = Role.Admin,
        ["DELETE /api/v1/credentials/{name}"] = Role.Admin,
        ["GET /api/v1/runners/"] = Role.Viewer,
        ["GET /api/v1/executions/{id:guid}/export"] = Role.Viewer,
        ["GET /api/v1/executions/{id:guid}/report"] = Role.Viewer,
        ["GET /api/v1/library/export"] = Role.Viewer,
        ["POST /api/v1/library/import/preview"] = Role.Operator,
        ["POST /api/v1/library/import"] = Role.Operator,
        ["POST /api/v1/library/verifications/{*path}"] = Role.Operator,
        ["DELETE /api/v1/library/verifications/{*path}"] = Role.Operator,
        ["POST /api/v1/library/copy"] = Role.Operator,
        ["POST /api/v1/library/move"] = Role.Operator,
        ["GET /api/v1/library/sources/"] = Role.Viewer,
        ["GET /api/v1/library/sources/{name}"] = Role.Viewer,
        ["POST /api/v1/library/sources/"] = Role.Admin,
        ["PUT /api/v1/library/sources/{name}"] = Role.Admin,
        ["DELETE /api/v1/library/sources/{name}"] = Role.Admin,
        ["POST /api/v1/library/sources/{name}/pull"] = Role.Operator,
        ["POST /api/v1/library/sources/{name}/fetch"] = Role.Operator,
        ["GET /api/v1/library/sources/{name}/diff"] = Role.Viewer,
        ["GET /api/v1/gateways/"] = Role.Viewer,
        ["GET /api/v1/gateways/{name}"] = Role.Viewer,
        ["POST /api/v1/gateways/"] = Role.Operator,
        ["PUT /api/v1/gateways/{name}"] = Role.Operator,
        ["DELETE /api/v1/gateways/{name}"] = Role.Operator,
        ["POST /api/v1/gateways/import/preview"] = Role.Operator,
        ["POST /api/v1/gateways/import"] = Role.Operator,
        ["POST /api/v1/fleet-runs/"] = Role.Operator,
        ["GET /api/v1/fleet-runs/"] = Role.Viewer,
        ["GET /api/v1/fleet-runs/{id:guid}"] = Role.Viewer,
        ["POST /api/v1/fleet-runs/{id:guid}/cancel"] = Role.Operator,
        ["GET /api/v1/fleet-runs/{id:guid}/report"] = Role.Viewer,
        ["GET /api/v1/ai"] = Role.Viewer,
        ["GET /api/v1/executions/{id:guid}/ai/"] = Role.Viewer,
        ["POST /api/v1/executions/{id:guid}/ai/explain"] = Role.Operator,
        ["POST /api/v1/executions/{id:guid}/ai/messages"] = Role.Operator,
        ["POST /api/v1/executions/{id:guid}/ai/messages/{messageId:long}/draft"] = Role.Operator,
        ["GET /api/v1/webhooks/"] = Role.Viewer,
        ["GET /api/v1/webhooks/kinds"] = Role.Viewer,
        ["GET /api/v1/webhooks/{id:guid}"] = Role.Viewer,
        ["POST /api/v1/webhooks/"] = Role.Admin,
        ["PUT /api/v1/webhooks/{id:guid}"] = Role.Admin,
        ["DELETE /api/v1/webhooks/{id:guid}"] = Role.Admin,
        ["POST /api/v1/webhooks/{id:guid}/test"] = Role.Admin,
        ["GET /api/v1/webhooks/{id:guid}/deliveries"] = Role.Viewer,
        ["GET /api/v1/schedules/"] = Role.Viewer,
        ["GET /api/v1/schedules/{id:guid}"] = Role.Viewer,
        ["GET /api/v1/schedules/{id:guid}/next"] = Role.Viewer,
        ["GET /api/v1/schedules/{id:guid}/runs"] = Role.Viewer,
        ["POST /api/v1/schedules/"] = Role.Operator,
        ["PUT /api/v1/schedules/{id:guid}"] = Role.Operator,
        ["DELETE /api/v1/schedules/{id:guid}"] = Role.Operator,
        ["POST /api/v1/schedules/{id:guid}/enable"] = Role.Operator,
        ["POST /api/v1/schedules/{id:guid}/disable"] = Role.Operator,
        ["POST /api/v1/schedules/{id:guid}/run-now"] = Role.Operator,
        ["GET /api/v1/tokens/"] = Role.Admin,
        ["GET /api/v1/tokens/{id:guid}"] = Role.Admin,
        ["POST /api/v1/tokens/"] = Role.Admin,
        ["DELETE /api/v1/tokens/{id:guid}"] = Role.Admin,
        ["POST /api/v1/triggers/{id:guid}"] = Anonymous, // authorised by the trigger's secret or body signature
        ["GET /api/v1/triggers/"] = Role.Admin,
        ["GET /api/v1/triggers/{id:guid}"] = Role.Admin,
        ["GET /api/v1/baselines/"] = Role.Viewer,
        ["GET /api/v1/baselines/image"] = Role.Viewer,
        ["POST /api/v1/baselines/approve"] = Role.Operator,
        ["POST /api/v1/recordings/"] = Role.Operator,
        ["POST /api/v1/recordings/{id:guid}/stop"] = Role.Operator,
        ["POST /api/v1/recordings/{id:guid}/draft"] = Role.Operator,
        ["POST /api/v1/triggers/"] = Role.Admin,
        ["PUT /api/v1/triggers/{id:guid}"] = Role.Admin,
        ["DELETE /api/v1/triggers/{id:guid}"] = Role.Admin,
        ["POST /api/v1/triggers/{id:guid}/secret"] = Role.Admin,
    };

    /// <summary>What a successful call of each audited endpoint records: action, target type, the route value naming the target.</summary>
    private static readonly Dictionary<string, (string Action, string TargetType, string? TargetRouteValue)> ExpectedAudit = new(StringComparer.Ordinal)
    {
        // StartExecution: execution.started is written by ExecutionStarter in the commit that stores the execution (AuditTrailTests)
        ["ControlExecution"] = ("execution.<command>", "execution", "id"),
        ["DeleteExecution"] = ("execution.deleted", "execution", "id"),
        ["DeleteExecutions"] = ("execution.deleted_many", "execution", null),
        ["RerunStep"] = ("execution.rerun_step", "execution", "id"),
        ["EditPendingSteps"] = ("execution.steps_edited", "execution", "id"),
        ["LiveViewInput"] = ("execution.live_view_input", "execution", "id"),
        ["RunExecutionAgain"] = ("execution.run_again", "execution", null),
        ["ResumeExecutionFromStep"] = ("execution.resumed_from", "execution", null),
        ["PinExecution"] = ("execution.pinned", "execution", "id"),
        ["UnpinExecution"] = ("execution.unpinned", "execution", "id"),
        ["CreatePlaybook"] = ("playbook.created", "playbook", null),
        ["UpdatePlaybook"] = ("playbook.changed", "playbook", "path"),
        ["DeletePlaybook"] = ("playbook.deleted", "playbook", "path"),
        ["CreateCredential"] = ("credential.created", "credential", null),
        ["UpdateCredential"] = ("credential.changed", "credential", "name"),
        ["DeleteCredential"] = ("credential.deleted", "credential", "name"),
        ["CreateWebhook"] = ("webhook.created", "webhook", null),
        ["UpdateWebhook"] = ("webhook.changed", "webhook", "id"),
        ["DeleteWebhook"] = ("webhook.deleted", "webhook", "id"),
        ["TestWebhook"] = ("webhook.tested", "webhook", "id"),
        ["CreateUser"] = ("user.created", "user", null),
        ["UpdateUser"] = ("user.changed", "user", "userName"),
        ["DeleteUser"] = ("user.deleted", "user", "userName"),
        ["ChangeOwnPassword"] = ("user.password_changed", "user", null),
        ["ImportLibrary"] = ("library.imported", "library", null),
        ["VerifyPlaybook"] = ("playbook.verified", "playbook", "path"),
        ["UnverifyPlaybook"] = ("playbook.unverified", "playbook", "path"),
        ["CopyPlaybook"] = ("playbook.duplicated", "playbook", null),
        ["MovePlaybook"] = ("playbook.moved", "playbook", null),
        ["CreateLibrarySource"] = ("library_source.created", "library_source", null),
        ["UpdateLibrarySource"] = ("library_source.changed", "library_source", "name"),
        ["DeleteLibrarySource"] = ("library_source.deleted", "library_source", "name"),
        ["PullLibrarySource"] = ("library_source.pulled", "library_source", "name"),
        ["CreateGateway"] = ("gateway.created", "gateway", null),
        ["UpdateGateway"] = ("gateway.changed", "gateway", "name"),
        ["DeleteGateway"] = ("gateway.deleted", "gateway", "name"),
        ["ImportGateways"] = ("gateway.imported", "gateway", null),
        ["ApproveBaseline"] = ("baseline.approved", "baseline", null),
        ["StartRecording"] = ("recording.started", "recording", null),
        ["StopRecording"] = ("recording.stopped", "recording", "id"),
        ["SaveRecordedDraft"] = ("playbook.recorded", "playbook", null),
        ["StartFleetRun"] = ("fleet_run.started", "fleet_run", null),
        ["CancelFleetRun"] = ("fleet_run.cancelled", "fleet_run", "id"),
        ["CreateSchedule"] = ("schedule.created", "schedule", null),
        ["UpdateSchedule"] = ("schedule.changed", "schedule", "id"),
        ["DeleteSchedule"] = ("schedule.deleted", "schedule", "id"),
        ["EnableSchedule"] = ("schedule.enabled", "schedule", "id"),
        ["DisableSchedule"] = ("schedule.disabled", "schedule", "id"),
        ["RunScheduleNow"] = ("schedule.run_now", "schedule", "id"),
        ["ExplainFailure"] = ("execution.ai_explained", "execution", "id"),
        ["AskAi"] = ("execution.ai_asked", "execution", "id"),
        ["DraftFromAi"] = ("playbook.ai_drafted", "playbook", null),
        ["CreateApiToken"] = ("api_token.created", "api_token", null),
        ["RevokeApiToken"] = ("api_token.revoked", "api_token", "id"),
        ["CreateTrigger"] = ("trigger.created", "trigger", null),
        ["UpdateTrigger"] = ("trigger.changed", "trigger", "id"),
        ["DeleteTrigger"] = ("trigger.deleted", "trigger", "id"),
        ["NewTriggerSecret"] = ("trigger.secret_changed", "trigger", "id"),
    };

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>The endpoint's HTTP methods; "*" for any (health checks, the hub's connection).</summary>
    private static IEnumerable<string> Methods(RouteEndpoint e) => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];

    private static string Key(RouteEndpoint e) => $"{string.Join(",", Methods(e))} {e.RoutePattern.RawText}";

    private static string? LeastRole(RouteEndpoint e)
    {
        if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null) return Anonymous;
        var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count == 0) return null;
        return policies.Contains(AccessPolicies.AdminPolicy) ? Role.Admin
            : policies.Contains(AccessPolicies.OperatorPolicy) ? Role.Operator
            : policies.Contains(AccessPolicies.ViewerPolicy) ? Role.Viewer
            : string.Join("+", policies);
    }

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var undeclared = Endpoints().Where(e => LeastRole(e) is null).Select(Key).ToList();
        Assert.True(undeclared.Count == 0, "endpoints without RequireViewer/RequireOperator/RequireAdmin/AllowAnonymous: " + string.Join("; ", undeclared));
    }

    [Fact]
    public void Every_api_endpoint_keeps_its_role()
    {
        var actual = Endpoints().Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToDictionary(Key, e => LeastRole(e) ?? "none", StringComparer.Ordinal);
        Assert.Equal(ExpectedRoles.OrderBy(r => r.Key, StringComparer.Ordinal), actual.OrderBy(r => r.Key, StringComparer.Ordinal));
        var hub = Endpoints().Where(e => e.RoutePattern.RawText?.StartsWith(Api.Live.LiveExtensions.HubPath, StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(hub);
        Assert.All(hub, e => Assert.Equal(Role.Viewer, LeastRole(e)));
    }

    [Fact]
    public void Every_changing_endpoint_is_audited_or_says_why_not()
    {
        var changing = Endpoints().Where(e => Methods(e).Any(m => HttpMethods.IsPost(m) || HttpMethods.IsPut(m) || HttpMethods.IsPatch(m) || HttpMethods.IsDelete(m)));
        var silent = changing.Where(e => e.Metadata.GetMetadata<AuditedEndpoint>() is null
            && e.Metadata.GetMetadata<NotAuditedEndpoint>() is not { Reason.Length: > 0 }).Select(Key).ToList();
        Assert.True(silent.Count == 0, "changing endpoints neither .Audited(...) nor .NotAudited(reason): " + string.Join("; ", silent));
    }

    [Fact]
    public void The_audited_actions_are_the_documented_ones()
    {
        var actual = Endpoints().Where(e => e.Metadata.GetMetadata<AuditedEndpoint>() is not null).ToDictionary(
            e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
            e => e.Metadata.GetMetadata<AuditedEndpoint>() is { } a ? (a.Action, a.TargetType, a.TargetRouteValue) : default, StringComparer.Ordinal);
        Assert.Equal(ExpectedAudit.OrderBy(a => a.Key, StringComparer.Ordinal), actual.OrderBy(a => a.Key, StringComparer.Ordinal));
    }
}
