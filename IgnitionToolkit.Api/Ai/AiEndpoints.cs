using IgnitionToolkit.Plugins.Ai.Providers;

namespace IgnitionToolkit.Api.Ai;

/// <summary>
/// AI in the API: <c>GET /ai</c> (available or not), and per execution <c>GET /executions/{id}/ai</c> (conversation and
/// tokens), <c>POST …/ai/explain</c> ("Explain this failure"), <c>POST …/ai/messages</c> (follow-up question) and
/// <c>POST …/ai/messages/{messageId}/draft</c> (the proposed step applied to a draft copy of the playbook).
/// </summary>
public static class AiEndpoints
{
    public static RouteGroupBuilder MapAiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/ai", (AiSettings settings) => TypedResults.Ok(settings.IsConfigured
            ? new AiStatusDto(true, settings.ProviderName, settings.Model)
            : new AiStatusDto(false, null, null))).WithTags("AI").WithName("GetAiStatus");

        var group = api.MapGroup("/executions/{id:guid}/ai").WithTags("AI");
        group.MapGet("/", (Guid id, ExecutionAssistant assistant, CancellationToken ct) => assistant.ThreadAsync(id, ct)).WithName("GetAiThread");
        group.MapPost("/explain", (Guid id, ExplainRequest request, ExecutionAssistant assistant, Auth.CurrentUser user, CancellationToken ct) =>
            assistant.ExplainAsync(id, request, user.Name, ct)).WithName("ExplainFailure");
        group.MapPost("/messages", (Guid id, AskRequest request, ExecutionAssistant assistant, Auth.CurrentUser user, CancellationToken ct) =>
            assistant.AskAsync(id, request, user.Name, ct)).WithName("AskAi");
        group.MapPost("/messages/{messageId:long}/draft", async (Guid id, long messageId, ExecutionAssistant assistant, AiDraftWriter writer, CancellationToken ct) =>
            assistant.Off() is { } off ? (Microsoft.AspNetCore.Http.IResult)off : await writer.WriteAsync(id, messageId, ct)).WithName("DraftFromAi");
        return api;
    }

    public static WebApplicationBuilder AddToolkitAi(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AiKeys>();
        builder.Services.AddScoped<FailureContext>();
        builder.Services.AddScoped<ExecutionAssistant>();
        builder.Services.AddScoped<AiDraftWriter>();
        return builder;
    }
}
