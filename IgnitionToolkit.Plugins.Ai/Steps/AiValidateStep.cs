using System.Text.Json;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary><c>ai.validate</c>: asks the model whether an actual result meets an expectation; fails the step when it does not.</summary>
public sealed class AiValidateStep : IStepPlugin
{
    private const string System = AiGenerateStep.System +
        " You judge test results. Reply with JSON only: {\"pass\": true|false, \"reason\": \"one sentence\"}.";

    public StepTypeDescriptor Descriptor { get; } = new(
        "ai.validate", "ai", "Asks the AI model whether the actual result meets the expectation.",
        [
            new StepParameterSchema("expected", StepParameterType.String, Required: true, Description: "What should be true."),
            new StepParameterSchema("actual", StepParameterType.Any, Required: true, Description: "What was observed (text, a step output...)."),
            new StepParameterSchema("context", StepParameterType.Any, Description: "Extra facts given to the model."),
            new StepParameterSchema("fail_on_mismatch", StepParameterType.Boolean, Default: true, Description: "Fail the step when the model says it does not pass."),
        ],
        Outputs:
        [
            new StepOutputSchema("passed", StepParameterType.Boolean),
            new StepOutputSchema("reason", StepParameterType.String),
        ]);

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var expected = context.GetRequiredString("expected");
        context.Parameters.TryGetValue("actual", out var actual);
        context.Parameters.TryGetValue("context", out var facts);
        var client = context.Services.GetRequiredService<AiClient>();
        var answer = await client.AskAsync(System,
            $"Expected:\n{expected}\n\nActual:\n{AiClient.Describe(actual)}\n\nContext:\n{AiClient.Describe(facts)}", null, cancellationToken);

        var (passed, reason) = ParseVerdict(answer);
        var outputs = new Dictionary<string, object?> { ["passed"] = passed, ["reason"] = reason };
        context.Logger.LogStep($"AI verdict: {(passed ? "pass" : "fail")} — {reason}");
        return passed || !context.Get<bool>("fail_on_mismatch")
            ? StepResult.Completed(outputs)
            : StepResult.Failed($"the AI judged the result does not meet the expectation: {reason}", outputs);
    }

    /// <summary>Reads <c>{"pass":..,"reason":..}</c>, also when the model wraps it in prose or a code fence.</summary>
    internal static (bool Passed, string Reason) ParseVerdict(string answer)
    {
        var start = answer.IndexOf('{', StringComparison.Ordinal);
        var end = answer.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            try
            {
                using var json = JsonDocument.Parse(answer[start..(end + 1)]);
                var root = json.RootElement;
                if (root.TryGetProperty("pass", out var pass) && pass.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    return (pass.GetBoolean(), root.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "");
            }
            catch (JsonException)
            {
                // fall through: not a verdict
            }
        }
        throw new InvalidOperationException($"the AI answer is not a verdict: {(answer.Length > 200 ? answer[..200] + "…" : answer)}");
    }
}
