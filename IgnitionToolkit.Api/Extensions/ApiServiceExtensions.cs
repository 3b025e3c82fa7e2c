using IgnitionToolkit.Api.Cluster;
using System.Text.Json;
using System.Text.Json.Serialization;
using IgnitionToolkit.Api.Ai;
using IgnitionToolkit.Api.Artifacts;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Library;
using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Live;
using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.Retention;
using IgnitionToolkit.Api.Observability;
using IgnitionToolkit.Api.Options;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Api.Runners;
using IgnitionToolkit.Api.Schedules;
using IgnitionToolkit.Api.Security;
using IgnitionToolkit.Api.Triggers;
using IgnitionToolkit.Hosting.Plugins;

namespace IgnitionToolkit.Api.Extensions;

/// <summary>Everything the API needs, in the order it must be registered.</summary>
public static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddToolkitApi(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.Services.AddToolkitSteps(builder.Configuration, StepUse.Validate); // schemas only: the API never starts a browser
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // malformed bodies: 400 problem naming the cause
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<Auth.BearerSecurityTransformer>());

        builder.Services.AddScoped<ExecutionStarter>();
        builder.Services.AddScoped<ExecutionRestarts>();
        builder.Services.AddScoped<ExecutionResumes>();
        builder.Services.AddScoped<ExecutionAutoResume>();
        builder.Services.AddScoped<ExecutionQueries>();
        builder.Services.AddScoped<ExecutionControl>();
        builder.Services.AddScoped<StepRerunner>();
        builder.Services.AddScoped<PendingStepsEditor>();
        builder.Services.AddScoped<LiveViewInputSender>();
        builder.Services.AddScoped<IgnitionToolkit.Api.Recordings.Recordings>();
        builder.Services.AddScoped<ExecutionRemoval>();
        builder.Services.AddScoped<ExecutionPins>();

        builder.AddToolkitPersistence();
        builder.AddToolkitLibrary(); // after persistence: its pull service starts once the schema is migrated
        builder.AddToolkitAuth();
        builder.AddToolkitVault();
        builder.AddToolkitAi();
        builder.AddToolkitArtifacts();
        builder.AddToolkitRetention();
        builder.AddToolkitNotifications();
        builder.AddToolkitMessaging();
        builder.AddToolkitLive();
        builder.AddToolkitRunners();
        builder.AddToolkitCluster();
        builder.AddToolkitFleet();
        builder.AddToolkitSchedules();
        builder.AddToolkitTriggers();
        builder.AddApiSettings();
        builder.AddApiObservability();
        builder.AddApiSecurity();
        return builder;
    }
}
