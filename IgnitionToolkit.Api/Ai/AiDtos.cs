namespace IgnitionToolkit.Api.Ai;

/// <summary><c>GET /api/v1/ai</c>: whether AI is available on this deployment (the UI shows nothing of it otherwise).</summary>
public sealed record AiStatusDto(bool Enabled, string? Provider, string? Model);

public sealed record AiUsageDto(long InputTokens, long OutputTokens, decimal? EstimatedCostUsd)
{
    public static readonly AiUsageDto Zero = new(0, 0, null);

    public AiUsageDto Add(long input, long output, decimal? cost) =>
        new(InputTokens + input, OutputTokens + output, EstimatedCostUsd is null && cost is null ? null : (EstimatedCostUsd ?? 0) + (cost ?? 0));
}

public sealed record AiMessageDto(long Id, string Role, string Text, string? StepPath, string? ProposedYaml, string? UserName, DateTimeOffset CreatedAt);

/// <summary>An execution's AI conversation and the tokens its AI steps and the conversation used.</summary>
public sealed record AiThreadDto(Guid ExecutionId, AiUsageDto Steps, AiUsageDto Conversation, AiUsageDto Total, IReadOnlyList<AiMessageDto> Messages);

/// <summary>Body of <c>POST /executions/{id}/ai/explain</c>.</summary>
public sealed record ExplainRequest(string? StepPath);

/// <summary>Body of <c>POST /executions/{id}/ai/messages</c>: a follow-up question.</summary>
public sealed record AskRequest(string? Text);

/// <summary>Answer of <c>POST /executions/{id}/ai/messages/{messageId}/draft</c>: the draft playbook written to the library.</summary>
public sealed record AiDraftDto(string Path, string SourcePath, string StepPath);

/// <summary>The structured answer the model gives to "Explain this failure".</summary>
public sealed record FailureExplanation(
    [property: System.Text.Json.Serialization.JsonPropertyName("summary")] string Summary,
    [property: System.Text.Json.Serialization.JsonPropertyName("cause")] string Cause,
    [property: System.Text.Json.Serialization.JsonPropertyName("suggestion")] string Suggestion,
    [property: System.Text.Json.Serialization.JsonPropertyName("step_yaml")] string? StepYaml);
