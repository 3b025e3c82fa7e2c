using IgnitionToolkit.ServiceDefaults.Security;
using IgnitionToolkit.Api.Ai;
using IgnitionToolkit.Api.Artifacts;
using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Baselines;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Library;
using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Gateways;
using IgnitionToolkit.Api.Live;
using IgnitionToolkit.Api.Meta;
using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.OpenApi;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Recordings;
using IgnitionToolkit.Api.Runners;
using IgnitionToolkit.Api.Schedules;
using IgnitionToolkit.Api.Security;
using IgnitionToolkit.Api.StepTypes;
using IgnitionToolkit.Api.Tokens;
using IgnitionToolkit.Api.Triggers;
using IgnitionToolkit.Api.Users;
using IgnitionToolkit.Api.Versioning;

namespace IgnitionToolkit.Api.Extensions;

public static class EndpointExtensions
{
    public const string ApiPrefix = "/api/v1";

    /// <summary>Error handling (problem details, no stack traces), <c>/api/v1</c> endpoints, health and metrics.</summary>
    public static WebApplication MapToolkitApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestCharsetCheck(); // an undecodable charset is a 415, not a 500 from the JSON binder
        app.UseApiSecurity(); // headers, HTTPS, CORS, rate limit: docs/hardening.md
        app.UseLegacyApiRedirects();
        app.UseToolkitAuth();
        app.MapOpenApi().AllowAnonymous(); // the API's description, no data
        app.MapApiReference();

        // Each resource declares its role policies and audited actions where it maps its endpoints.
        var api = app.MapGroup(ApiPrefix);
        api.MapVersionEndpoints();
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapAuditEndpoints();
        api.MapPlaybookEndpoints();
        api.MapLibraryEndpoints();
        api.MapLibrarySourceEndpoints();
        api.MapStepTypeEndpoints();
        api.MapExecutionEndpoints();
        api.MapExecutionExportEndpoints();
        api.MapExecutionReportEndpoints();
        api.MapArtifactEndpoints();
        api.MapCredentialEndpoints();
        api.MapRunnerEndpoints();
        api.MapGatewayEndpoints();
        api.MapFleetRunEndpoints();
        api.MapFleetRunReportEndpoints();
        api.MapAiEndpoints();
        api.MapWebhookEndpoints();
        api.MapScheduleEndpoints();
        api.MapApiTokenEndpoints();
        api.MapTriggerEndpoints();
        api.MapBaselineEndpoints();
        api.MapRecordingEndpoints();
        app.MapToolkitLive().RequireViewer().NotAudited("the live hub only reads; controls go through the audited REST endpoints");
        app.MapDefaultEndpoints();
        return app;
    }
}
