using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Plugins.Ai.Providers;

namespace IgnitionToolkit.Api.Ai;

/// <summary>
/// AI in the API: <c>GET /ai</c> (available or not), and per execution <c>GET /executions/{id}/ai</c> (conversation and
/// tokens), <c>POST …/ai/explain</c> ("Explain this failure"), <c>POST …/ai/messages</c> (follow-up question) and
/// <c>POST …/ai/messages/{messageId}/draft</c> (the proposed step applied to a draft copy of the playbook). Viewers read;
/// asking the provider (it costs, and sends the execution's masked context out) and writing a draft need an operator,
/// and are audited.
/// </summary>
public static class AiEndpoints
{
    public static RouteGroupBuilder MapAiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/ai", (AiSettings settings) => TypedResults.Ok(settings.IsConfigured
            ? new AiStatusDto(true, settings.ProviderName, settings.Model)
            : new AiStatusDto(false, null, null))).WithTags("AI").WithName("GetAiStatus").RequireViewer();

        var group = api.MapGroup("/executions/{id:guid}/ai").WithTags("AI").RequireViewer();
        group.MapGet("/", (Guid id, ExecutionAssistant assistant, CancellationToken ct) => assistant.ThreadAsync(id, ct)).WithName("GetAiThread");
        group.MapPost("/explain", (Guid id, ExplainRequest request, ExecutionAssistant assistant, CurrentUser user, CancellationToken ct) =>
                assistant.ExplainAsync(id, request, user.Name, ct))
            .WithName("ExplainFailure").RequireOperator()
            .Audited<AiMessageDto>("execution.ai_explained", "execution", c => c.Entry with { Detail = $"step {c.Value.StepPath}" }, targetRouteValue: "id");
        group.MapPost("/messages", (Guid id, AskRequest request, ExecutionAssistant assistant, CurrentUser user, CancellationToken ct) =>
                assistant.AskAsync(id, request, user.Name, ct))
            .WithName("AskAi").RequireOperator()
            .Audited("execution.ai_asked", "execution", targetRouteValue: "id"); // the question itself is kept, masked, in the thread
        group.MapPost("/messages/{messageId:long}/draft", async (Guid id, long messageId, ExecutionAssistant assistant, AiDraftWriter writer, CancellationToken ct) =>
                assistant.Off() is { } off ? (IResult)off : await writer.WriteAsync(id, messageId, ct))
            .WithName("DraftFromAi").RequireOperator()
            .Audited<AiDraftDto>("playbook.ai_drafted", "playbook",
                c => c.Entry with { TargetId = c.Value.Path, Detail = $"from {c.Value.SourcePath}, step {c.Value.StepPath}" });
        return api;
    }
}
