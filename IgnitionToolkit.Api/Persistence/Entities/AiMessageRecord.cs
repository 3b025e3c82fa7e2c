namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>One message of an execution's AI conversation ("Explain this failure" and follow-up questions). Texts are
/// stored as sent and received: masked before they left for the provider.</summary>
public sealed class AiMessageRecord
{
    public long Id { get; set; }
    public Guid ExecutionId { get; set; }
    /// <summary><c>user</c> or <c>assistant</c>.</summary>
    public required string Role { get; set; }
    public required string Text { get; set; }
    /// <summary>The step the message is about (an explained failure), if any.</summary>
    public string? StepPath { get; set; }
    /// <summary>A proposed replacement of that step, as YAML (assistant messages of an explanation).</summary>
    public string? ProposedYaml { get; set; }
    public string? UserName { get; set; }
    public string? Model { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public decimal? EstimatedCost { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
