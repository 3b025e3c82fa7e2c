using System.Text;
using System.Text.Json;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Providers;
using IgnitionToolkit.Plugins.Ai.Authoring;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary><c>ai.generate_test_cases</c> (v4): a test manifest for <c>perspective.execute_test_manifest</c> from a
/// <c>perspective.discover_page</c> inventory.</summary>
public sealed class AiGenerateTestCasesStep(AiSettings settings) : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "ai.generate_test_cases", AiStepSupport.Category,
        "Asks the AI model for a test manifest (click/fill tests of the discovered components) that perspective.execute_test_manifest runs; " +
        "each test must use a selector of the inventory, wrong ones are sent back with the reason.",
        [
            new StepParameterSchema("inventory", StepParameterType.List, Required: true, Description: "The components: {{ step.<discover id>.inventory }}."),
            new StepParameterSchema("focus", StepParameterType.String, Description: "What to test in particular (e.g. 'the alarm filters')."),
            new StepParameterSchema("max_tests", StepParameterType.Integer, Default: 20L, Description: "Tests at most."),
            new StepParameterSchema("max_attempts", StepParameterType.Integer, Default: 3L, Description: "Answers asked for at most."),
        ],
        Outputs:
        [
            new StepOutputSchema("manifest", StepParameterType.List, "The tests (maps: component_id, action, selector, value, expected) for perspective.execute_test_manifest."),
            new StepOutputSchema("count", StepParameterType.Integer, "Number of tests."),
            new StepOutputSchema("rejected", StepParameterType.List, "Tests left out, with the reason."),
            new StepOutputSchema("artifact", StepParameterType.String, "Artifact name of the manifest (JSON)."),
            AiStepSupport.UsageOutput,
        ])
    {
        DisabledReason = AiStepSupport.Disabled(settings),
    };

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken) => AiStepSupport.RunAsync(context, async chat =>
    {
        var inventory = (context.Get<List<object?>>("inventory") ?? []).Select((c, i) => c as IReadOnlyDictionary<string, object?>
            ?? throw new StepParameterException("inventory", $"component {i + 1} is not a map (give {{{{ step.<discover id>.inventory }}}})")).ToList();
        if (inventory.Count == 0) throw new StepParameterException("inventory", "the inventory is empty: nothing to test");
        var maxTests = (int)(context.Get<long?>("max_tests") ?? 20);
        var attempts = (int)(context.Get<long?>("max_attempts") ?? 3);
        if (maxTests < 1) throw new StepParameterException("max_tests", "'max_tests' must be at least 1");
        if (attempts is < 1 or > 10) throw new StepParameterException("max_attempts", "'max_attempts' must be 1 to 10");

        var manifest = await TestManifestWriter.WriteAsync(chat, inventory, context.Get<string>("focus"), maxTests, attempts, cancellationToken);
        var value = TestManifestWriter.ToStepValue(manifest.Tests);
        await using var json = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, AiStepSupport.Indented)));
        var artifact = await context.Artifacts.SaveAsync("test_manifest.json", "application/json", json, cancellationToken);
        var outputs = AiStepSupport.Outputs(chat, ("manifest", value), ("count", (long)manifest.Tests.Count),
            ("rejected", manifest.Rejected.Cast<object?>().ToList()), ("artifact", artifact.Name));
        context.Logger.LogStep($"AI wrote {manifest.Tests.Count} test(s) in {manifest.Attempts} attempt(s); {manifest.Rejected.Count} left out");
        return manifest.Tests.Count > 0
            ? StepResult.Completed(outputs)
            : StepResult.Failed($"the AI wrote no usable test after {manifest.Attempts} attempt(s): {string.Join(" ", manifest.Rejected.Take(5))}", outputs);
    });
}
