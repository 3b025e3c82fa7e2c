using System.Text.RegularExpressions;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Chat;
using Microsoft.Extensions.AI;

namespace IgnitionToolkit.Plugins.Ai.Authoring;

/// <summary>The outcome of drafting: the last YAML, whether it validates, how many answers it took and the errors left.</summary>
public sealed record GeneratedPlaybook(string Yaml, bool Valid, int Attempts, IReadOnlyList<string> Errors);

/// <summary>
/// Asks the model for a playbook, validates the answer with the real loader and step catalogue, and asks again with the
/// validation errors until it validates or <c>maxAttempts</c> answers were given. Nothing is run.
/// </summary>
public sealed partial class PlaybookDrafter(IPlaybookLoader loader, IStepCatalog catalog)
{
    private const string Format = """
        Write an Ignition Toolkit playbook (format v3) in YAML:
        name: <text>            # required
        version: "1.0"          # required
        description: <text>
        parameters:             # optional: - {name, type: string|integer|float|boolean|list|dict|credential, required, default, description}
        steps:                  # required, at least one
          - id: <unique id>     # required
            name: <text>
            type: <step type>   # one of the step types below, exactly
            parameters: {...}   # only the parameters the step type has; '?' marks optional ones
            on_failure: abort|continue
        Templates: {{ parameter.<name> }}, {{ step.<id>.<output> }}, {{ variable.<name> }}, {{ credential.<name>.<field> }}.
        Answer with the YAML of the playbook only, no explanation.
        """;

    public async Task<GeneratedPlaybook> DraftAsync(AiChat chat, string description, string? context, string fileName, int maxAttempts, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, $"{Steps.AiStepSupport.System}\n\n{Format}\n\nStep types (parameters → outputs):\n{StepCatalogPrompt.Describe(catalog)}"),
            new(ChatRole.User, $"Playbook to write:\n{description}\n\nContext:\n{context ?? "(none)"}"),
        };
        var yaml = "";
        IReadOnlyList<string> errors = [];
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var answer = await chat.AskAsync(messages, cancellationToken);
            yaml = ExtractYaml(answer);
            errors = Validate(yaml, fileName);
            if (errors.Count == 0) return new GeneratedPlaybook(yaml, true, attempt, []);
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            messages.Add(new ChatMessage(ChatRole.User,
                $"The playbook does not validate:\n{string.Join('\n', errors)}\n\nAnswer with the corrected complete playbook (YAML only)."));
        }
        return new GeneratedPlaybook(yaml, false, maxAttempts, errors);
    }

    /// <summary>The loader's errors for <paramref name="yaml"/>, one line each (file:line:column: field: message).</summary>
    public IReadOnlyList<string> Validate(string yaml, string fileName) =>
        [.. loader.Load(yaml, fileName).Errors.Select(e => e.ToString())];

    /// <summary>The YAML inside a ```yaml fence when the model used one, else the whole answer.</summary>
    public static string ExtractYaml(string answer)
    {
        var fence = Fence().Match(answer);
        return (fence.Success ? fence.Groups[1].Value : answer).Trim() + "\n";
    }

    [GeneratedRegex(@"```(?:ya?ml)?[ \t]*\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
