using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Plugins.Ai.Authoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Ai;

/// <summary>
/// Applies the step an explanation proposed to a copy of the execution's playbook: <c>&lt;name&gt;.ai-draft.yaml</c> next to
/// it in the library, validated like any playbook and never started. (Editing a paused execution's playbook in place is
/// not possible yet; re-running a paused step with edited parameters is, from the debug panel.)
/// </summary>
public sealed class AiDraftWriter(ToolkitDbContext db, PlaybookLibrary library, PlaybookValidator validator)
{
    public async Task<Results<Created<AiDraftDto>, ProblemHttpResult>> WriteAsync(Guid id, long messageId, CancellationToken ct)
    {
        var message = await db.AiMessages.AsNoTracking().FirstOrDefaultAsync(m => m.ExecutionId == id && m.Id == messageId, ct);
        if (message is null) return ApiProblems.NotFound($"message {messageId} of execution {id} does not exist");
        if (message.ProposedYaml is null || message.StepPath is null) return ApiProblems.Conflict($"message {messageId} proposes no change to a step");
        var execution = await db.Executions.AsNoTracking().FirstAsync(e => e.Id == id, ct);
        if (library.TryNormalize(execution.PlaybookPath, out var source) is { } bad) return ApiProblems.Conflict(bad);
        var yaml = await library.ReadAsync(source, ct);
        if (yaml is null) return ApiProblems.NotFound($"the playbook {execution.PlaybookPath} is no longer in the library");
        var stepId = message.StepPath;
        var patched = PlaybookStepText.Replace(yaml, stepId, message.ProposedYaml);
        if (patched is null) return ApiProblems.Conflict($"step '{stepId}' is not a top-level step of {source} any more");

        var draft = DraftPath(source);
        patched = $"# Draft from the AI explanation of step '{stepId}' in execution {id}: review it before running.\n" + patched;
        var result = validator.Validate(patched, draft);
        if (!result.IsValid)
            return ApiProblems.Invalid($"the proposed step does not validate in {source}; nothing was written", DiagnosticDto.From(result.Diagnostics));
        await library.WriteAsync(draft, patched, ct);
        return TypedResults.Created($"/api/v1/playbooks/{Uri.EscapeDataString(draft)}", new AiDraftDto(draft, source, stepId));
    }

    private string DraftPath(string source)
    {
        var folder = Path.GetDirectoryName(source)?.Replace('\\', '/');
        var name = Path.GetFileNameWithoutExtension(source);
        for (var n = 1; ; n++)
        {
            var file = $"{name}.ai-draft{(n == 1 ? "" : $"-{n}")}.yaml";
            var path = string.IsNullOrEmpty(folder) ? file : $"{folder}/{file}";
            if (!library.Exists(path)) return path;
        }
    }
}
