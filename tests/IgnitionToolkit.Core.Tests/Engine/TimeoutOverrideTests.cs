using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Testing.Engine;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>A run's timeout overrides (the run dialog's "Timeout settings") reach the steps that follow them.</summary>
[Trait("Category", "Unit")]
public class TimeoutOverrideTests
{
    [Fact]
    public async Task A_step_following_an_override_waits_as_long_as_the_run_says_unless_it_writes_its_own_timeout()
    {
        var step = new WaitingStep();
        var run = new EngineHarness(step).Start(Of(
                Step("default", "test.restart_wait"),
                Step("written", "test.restart_wait", new { timeout = 7.0 })),
            timeoutOverrides: new Dictionary<string, double> { [TimeoutOverrideNames.GatewayRestart] = 45 });

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(45.0, run.FinishedStep("default").Outputs["timeout"]);
        Assert.Equal(7.0, run.FinishedStep("written").Outputs["timeout"]);
    }

    [Fact]
    public async Task Without_an_override_or_for_another_kind_the_step_keeps_its_default()
    {
        var run = new EngineHarness(new WaitingStep()).Start(Of(Step("default", "test.restart_wait")),
            timeoutOverrides: new Dictionary<string, double> { [TimeoutOverrideNames.ModuleInstall] = 600 });

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(300.0, run.FinishedStep("default").Outputs["timeout"]);
    }

    [Fact]
    public void A_step_at_the_default_time_limit_gets_a_longer_override_plus_a_minute_and_a_written_limit_stays()
    {
        var descriptor = new WaitingStep().Descriptor;
        var request = new ExecutionRequest(Guid.NewGuid(), Of(Step("wait", "test.restart_wait")), new Dictionary<string, object?>())
        {
            TimeoutOverrides = new Dictionary<string, double> { [TimeoutOverrideNames.GatewayRestart] = 900 },
        };

        Assert.Equal(TimeSpan.FromSeconds(960), StepInvoker.StepTimeout(descriptor, Step("wait", "test.restart_wait"), request));
        Assert.Equal(TimeSpan.FromSeconds(30), StepInvoker.StepTimeout(descriptor, Step("limited", "test.restart_wait", timeoutSeconds: 30), request));
        Assert.Equal(PlaybookStep.DefaultTimeout, StepInvoker.StepTimeout(descriptor, Step("wait", "test.restart_wait"), request with
        {
            TimeoutOverrides = new Dictionary<string, double>(),
        }));
    }

    /// <summary>Like gateway.restart: follows the gateway_restart override and reports the timeout it got.</summary>
    private sealed class WaitingStep : IStepPlugin
    {
        public StepTypeDescriptor Descriptor { get; } = new("test.restart_wait", "test", "Reports its timeout.",
            [new StepParameterSchema("timeout", StepParameterType.Float, Default: 300.0)],
            Outputs: [new StepOutputSchema("timeout", StepParameterType.Float)])
        {
            TimeoutOverride = TimeoutOverrideNames.GatewayRestart,
        };

        public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
            Task.FromResult(StepResult.Completed(new Dictionary<string, object?> { ["timeout"] = context.Get<double>("timeout") }));
    }
}
