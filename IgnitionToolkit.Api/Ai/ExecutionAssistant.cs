using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Plugins.Ai.Chat;
using IgnitionToolkit.Plugins.Ai.Providers;
using IgnitionToolkit.Plugins.Ai.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using YamlDotNet.RepresentationModel;

namespace IgnitionToolkit.Api.Ai;

/// <summary>
/// The AI conversation of an execution: "Explain this failure" for a failed or paused step (structured answer with a
/// proposed step as YAML) and follow-up questions, kept per execution in <c>ai_messages</c>. Everything sent is masked
/// with every vault secret; the provider's key comes from the vault.
/// </summary>
public sealed class ExecutionAssistant(
    ToolkitDbContext db, AiSettings settings, AiKeys keys, AiChatClientFactory factory, FailureContext failures, TimeProvider clock)
{
    private const int HistoryMessages = 20;

    private const string ExplainSystem = AiStepSupport.System + " You explain to the engineer debugging it why a step of a playbook failed " +
        "(or why the run paused there), from the captured context. summary: one sentence. cause: what most likely went wrong, citing the " +
        "evidence. suggestion: what to change or check. step_yaml: the corrected step as a YAML mapping (the whole step, same id) when " +
        "changing the step would help, else null.";

    public async Task<Results<Ok<AiThreadDto>, ProblemHttpResult>> ThreadAsync(Guid id, CancellationToken ct)
    {
        if (Off() is { } off) return off;
        if (!await db.Executions.AnyAsync(e => e.Id == id, ct)) return ApiProblems.NotFound($"execution {id} does not exist");
        var messages = await db.AiMessages.AsNoTracking().Where(m => m.ExecutionId == id).OrderBy(m => m.Id).ToListAsync(ct);
        var conversation = messages.Aggregate(AiUsageDto.Zero, (sum, m) => sum.Add(m.InputTokens, m.OutputTokens, m.EstimatedCost));
        var stepOutputs = await db.StepResults.AsNoTracking().Where(s => s.ExecutionId == id && s.Type.StartsWith("ai.") && s.OutputsJson != null)
            .Select(s => s.OutputsJson!).ToListAsync(ct);
        var steps = stepOutputs.Aggregate(AiUsageDto.Zero, (sum, json) => StepUsage.Add(sum, json));
        var total = steps.Add(conversation.InputTokens, conversation.OutputTokens, conversation.EstimatedCostUsd);
        return TypedResults.Ok(new AiThreadDto(id, steps, conversation, total, [.. messages.Select(ToDto)]));
    }

    public async Task<Results<Ok<AiMessageDto>, ProblemHttpResult>> ExplainAsync(Guid id, ExplainRequest request, string user, CancellationToken ct)
    {
        if (Off() is { } off) return off;
        if (string.IsNullOrWhiteSpace(request.StepPath)) return ApiProblems.BadRequest("step_path is required: the failed or paused step to explain", "step_path");
        var stepPath = request.StepPath.Trim();
        var facts = await failures.GatherAsync(id, stepPath, ct);
        if (facts is null) return ApiProblems.NotFound($"step '{stepPath}' has not run in execution {id}");

        var content = new List<AIContent> { new TextContent(facts.Text) };
        if (facts.Screenshot is not null) content.Add(facts.Screenshot);
        var question = $"Explain this failure: step {stepPath} ({facts.StepType})";
        return await CallAsync(id, user, question, stepPath, async chat =>
        {
            var answer = await chat.AskAsync<FailureExplanation>(
                [new ChatMessage(ChatRole.System, ExplainSystem), new ChatMessage(ChatRole.User, content)], "an explanation {summary, cause, suggestion, step_yaml}", ct);
            var text = $"{answer.Summary}\n\nCause: {answer.Cause}\n\nSuggestion: {answer.Suggestion}";
            return (text, facts.StepYaml is null ? null : IsMapping(answer.StepYaml));
        }, ct);
    }

    public async Task<Results<Ok<AiMessageDto>, ProblemHttpResult>> AskAsync(Guid id, AskRequest request, string user, CancellationToken ct)
    {
        if (Off() is { } off) return off;
        if (string.IsNullOrWhiteSpace(request.Text)) return ApiProblems.BadRequest("text is required: the question", "text");
        if (request.Text.Length > 4_000) return ApiProblems.BadRequest("text is longer than 4000 characters", "text");
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return ApiProblems.NotFound($"execution {id} does not exist");
        var steps = await db.StepResults.AsNoTracking().Where(s => s.ExecutionId == id).OrderBy(s => s.Order).ToListAsync(ct);
        var history = await db.AiMessages.AsNoTracking().Where(m => m.ExecutionId == id).OrderByDescending(m => m.Id).Take(HistoryMessages).ToListAsync(ct);

        var summary = $"Execution of {execution.PlaybookName} ({execution.PlaybookPath}), status {execution.Status}" +
            (execution.Error is null ? "" : $", error: {execution.Error}") + "\nSteps:\n" +
            string.Join('\n', steps.Select(s => $"- {s.StepPath} ({s.Type}): {s.Status}{(s.Error is null ? "" : " — " + s.Error)}"));
        var messages = new List<ChatMessage> { new(ChatRole.System, $"{AiStepSupport.System} You help the engineer debug this execution.\n\n{summary}") };
        messages.AddRange(history.OrderBy(m => m.Id).Select(m => new ChatMessage(m.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, m.Text)));
        messages.Add(new ChatMessage(ChatRole.User, request.Text));
        return await CallAsync(id, user, request.Text.Trim(), null, async chat => (await chat.AskAsync(messages, ct), null), ct);
    }

    private async Task<Results<Ok<AiMessageDto>, ProblemHttpResult>> CallAsync(Guid id, string user, string question, string? stepPath,
        Func<AiChat, Task<(string Text, string? Yaml)>> ask, CancellationToken ct)
    {
        var key = await keys.KeyAsync(ct);
        var mask = await keys.MaskerAsync(ct);
        (string Text, string? Yaml) answer;
        AiUsage usage;
        try
        {
            using var client = factory.Create(settings, key);
            var chat = new AiChat(settings, client, mask);
            answer = await ask(chat);
            usage = chat.Usage;
        }
        catch (AiException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The AI provider failed");
        }
        var now = clock.GetUtcNow();
        db.AiMessages.Add(new AiMessageRecord { ExecutionId = id, Role = "user", Text = mask(question), StepPath = stepPath, UserName = user, CreatedAt = now });
        var reply = new AiMessageRecord
        {
            ExecutionId = id, Role = "assistant", Text = mask(answer.Text), StepPath = stepPath, ProposedYaml = answer.Yaml is null ? null : mask(answer.Yaml),
            Model = usage.Model, InputTokens = usage.InputTokens, OutputTokens = usage.OutputTokens, EstimatedCost = usage.EstimatedCost, CreatedAt = now,
        };
        db.AiMessages.Add(reply);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(reply));
    }

    /// <summary>Null when AI is available; otherwise the 404 problem that says it is not (the UI hides AI then).</summary>
    public ProblemHttpResult? Off() => settings.IsConfigured ? null
        : TypedResults.Problem(detail: settings.Problem, statusCode: StatusCodes.Status404NotFound, title: "AI is not available");

    private static string? IsMapping(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml)) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode ? yaml.Trim() + "\n" : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    internal static AiMessageDto ToDto(AiMessageRecord m) => new(m.Id, m.Role, m.Text, m.StepPath, m.ProposedYaml, m.UserName, m.CreatedAt);
}
