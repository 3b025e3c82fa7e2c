using System.Text;
using System.Text.RegularExpressions;
using IgnitionToolkit.Api.Artifacts;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Plugins.Ai.Authoring;
using IgnitionToolkit.Plugins.Ai.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace IgnitionToolkit.Api.Ai;

/// <summary>What is known about a failed or paused step, as the model is shown it.</summary>
/// <param name="StepYaml">The step as written in the playbook (null when the playbook file is gone or the step is nested).</param>
public sealed record FailureFacts(string StepPath, string StepType, string Text, string? StepYaml, DataContent? Screenshot);

/// <summary>
/// Gathers the captured context of a step for "Explain this failure": the step as written, its type, status, error and
/// outputs, the paused step's parameters (already masked by the engine), the last log lines, the failure screenshot and a
/// trimmed excerpt of the page HTML when the step captured them. Everything is masked again before it is sent.
/// </summary>
public sealed partial class FailureContext(ToolkitDbContext db, ArtifactFiles files, PlaybookLibrary library)
{
    private const int LogLines = 40;
    private const int HtmlCharacters = 6_000;
    private const long MaxImageBytes = 5 * 1024 * 1024;

    public async Task<FailureFacts?> GatherAsync(Guid executionId, string stepPath, CancellationToken ct)
    {
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == executionId, ct);
        var step = await db.StepResults.AsNoTracking().FirstOrDefaultAsync(s => s.ExecutionId == executionId && s.StepPath == stepPath, ct);
        if (execution is null || step is null) return null;
        var logs = await db.LogLines.AsNoTracking().Where(l => l.ExecutionId == executionId)
            .OrderByDescending(l => l.Sequence).Take(LogLines).ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.ExecutionId == executionId && a.StepPath == stepPath)
            .OrderByDescending(a => a.Sequence).ToListAsync(ct);

        var yaml = await StepYamlAsync(execution.PlaybookPath, step.StepId, stepPath, ct);
        var text = new StringBuilder()
            .AppendLine($"Playbook: {execution.PlaybookName} ({execution.PlaybookPath}); execution status: {execution.Status}")
            .AppendLine($"Playbook parameters: {execution.ParametersJson}")
            .AppendLine($"Step: {stepPath} (type {step.Type}), status {step.Status}, attempt {step.Attempt}")
            .AppendLine($"Error: {step.Error ?? execution.Error ?? "(none)"}")
            .AppendLine($"Outputs: {step.OutputsJson ?? "{}"}");
        if (yaml is not null) text.AppendLine("The step as written:").AppendLine(yaml);
        if (execution.DebugContextJson is { } paused && paused.Contains(stepPath, StringComparison.Ordinal))
            text.AppendLine($"Paused at this step with: {Cut(paused, 4_000)}");
        text.AppendLine("Recent log lines:");
        foreach (var line in logs.OrderBy(l => l.Sequence)) text.AppendLine($"[{line.Level}] {line.StepPath}: {Cut(line.Message, 500)}");
        if (artifacts.FirstOrDefault(a => a.ContentType.StartsWith("text/html", StringComparison.Ordinal)) is { } html
            && files.FileOf(executionId, html.Name) is { } htmlPath)
            text.AppendLine($"Page HTML at the failure (trimmed):\n{TrimHtml(await File.ReadAllTextAsync(htmlPath, ct))}");

        DataContent? screenshot = null;
        if (artifacts.FirstOrDefault(a => AiStepSupport.MediaType(a.Name) is not null && a.Size <= MaxImageBytes) is { } image
            && files.FileOf(executionId, image.Name) is { } imagePath)
            screenshot = new DataContent(await File.ReadAllBytesAsync(imagePath, ct), AiStepSupport.MediaType(image.Name)!);
        return new FailureFacts(stepPath, step.Type, text.ToString(), yaml, screenshot);
    }

    /// <summary>The step's block in the playbook file (top-level steps only), for the model to patch.</summary>
    private async Task<string?> StepYamlAsync(string playbookPath, string stepId, string stepPath, CancellationToken ct)
    {
        if (stepPath.Contains('/', StringComparison.Ordinal)) return null;
        var yaml = library.TryNormalize(playbookPath, out var relative) is null ? await library.ReadAsync(relative, ct) : null;
        return yaml is null ? null : PlaybookStepText.Find(yaml, stepId)?.Text;
    }

    /// <summary>The page's text structure without scripts, styles and long attribute values.</summary>
    internal static string TrimHtml(string html)
    {
        var cleaned = Scripts().Replace(html, "");
        cleaned = LongAttributes().Replace(cleaned, "$1\"…\"");
        cleaned = Spaces().Replace(cleaned, " ");
        return Cut(cleaned, HtmlCharacters);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] + "…(cut)" : text;

    [GeneratedRegex(@"<(script|style|svg)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"(\s[\w-]+=)""[^""]{80,}""")]
    private static partial Regex LongAttributes();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
