using IgnitionToolkit.Web.Api;
using IgnitionToolkit.Web.Auth;

namespace IgnitionToolkit.Web.Ai;

public sealed record AiStatusModel(bool Enabled, string? Provider, string? Model);

public sealed record AiUsageModel(long InputTokens, long OutputTokens, decimal? EstimatedCostUsd);

public sealed record AiMessageModel(long Id, string Role, string Text, string? StepPath, string? ProposedYaml, string? UserName, DateTimeOffset CreatedAt);

public sealed record AiThreadModel(Guid ExecutionId, AiUsageModel Steps, AiUsageModel Conversation, AiUsageModel Total, List<AiMessageModel> Messages);

public sealed record AiDraftModel(string Path, string SourcePath, string StepPath);

/// <summary>
/// The API's AI endpoints (<c>/api/v1/ai</c>, <c>/api/v1/executions/{id}/ai</c>). Calls to the provider take as long as
/// the model needs (Toolkit:Ai:TimeoutSeconds on the API), so they go through their own HTTP client: no 10 s attempt
/// timeout and no retry (a retried question would be paid twice).
/// </summary>
public sealed class AiApi(IHttpClientFactory clients, IApiTokenSource tokens, ILogger<RestClient> logger)
{
    public const string HttpClientName = "toolkit-ai";
    private readonly RestClient rest = new(clients.CreateClient(HttpClientName), tokens, logger);

    public Task<ApiResult<AiStatusModel>> StatusAsync() => rest.GetAsync<AiStatusModel>("/api/v1/ai");

    public Task<ApiResult<AiThreadModel>> ThreadAsync(Guid executionId) => rest.GetAsync<AiThreadModel>($"/api/v1/executions/{executionId}/ai");

    public Task<ApiResult<AiMessageModel>> ExplainAsync(Guid executionId, string stepPath) =>
        rest.PostAsync<AiMessageModel>($"/api/v1/executions/{executionId}/ai/explain", new { stepPath });

    public Task<ApiResult<AiMessageModel>> AskAsync(Guid executionId, string text) =>
        rest.PostAsync<AiMessageModel>($"/api/v1/executions/{executionId}/ai/messages", new { text });

    public Task<ApiResult<AiDraftModel>> DraftAsync(Guid executionId, long messageId) =>
        rest.PostAsync<AiDraftModel>($"/api/v1/executions/{executionId}/ai/messages/{messageId}/draft", null);
}

public static class AiWebExtensions
{
    /// <summary>The AI panel's API client (its own HTTP client to the API, see <see cref="AiApi"/>).</summary>
    public static IServiceCollection AddAiPanel(this IServiceCollection services, Uri apiBaseAddress)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        services.AddHttpClient(AiApi.HttpClientName, client =>
        {
            client.BaseAddress = apiBaseAddress;
            client.Timeout = TimeSpan.FromMinutes(3);
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddScoped<AiApi>();
        return services;
    }
}
