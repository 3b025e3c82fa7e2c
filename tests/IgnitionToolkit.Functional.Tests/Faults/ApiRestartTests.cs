using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Faults.FaultSuite;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>The API killed (SIGKILL) while a step runs and started again after longer than the heartbeat timeout: the
/// Runner keeps running, its events and heartbeats wait in the API's durable queues, and the restarted API applies them
/// all. The execution is not taken for interrupted because the API itself was away, and it completes.</summary>
[Trait("Category", "Functional")]
[Collection(FaultSuite.Name)]
public sealed class ApiRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_API_killed_mid_run_and_started_again_applies_every_event_and_the_execution_completes()
    {
        var census = new ProcessCensus();
        const double heartbeatTimeout = 10; // ten missed heartbeats: a restarted API on a loaded machine records the queued ones well within it
        TimeSpan down;
        long atFault, final;
        await using (var stack = await ToolkitStack.StartAsync(heartbeatTimeoutSeconds: heartbeatTimeout))
        {
            Track(census, stack);
            WritePlaybooks(stack);
            var reference = await ReferenceAsync(stack);
            var id = await stack.StartExecutionAsync(StepsPlaybook, new { nap = 2, hold = 3600 });
            atFault = LastSequence(await stack.WaitForAsync(id, e => StepStatus(e, "nap") == "running", timeoutSeconds: 120));

            var clock = Clock();
            stack.KillApi();
            // Down for longer than the heartbeat timeout (the fault's length, not a wait for something to happen).
            await Task.Delay(TimeSpan.FromSeconds(heartbeatTimeout * 2));
            await stack.RestartApiAsync();
            down = clock.Elapsed;
            Track(census, stack);
            var restarted = DateTimeOffset.UtcNow;

            // The queued events are applied (nap done, hold running) and a heartbeat newer than the restart is recorded;
            // an execution wrongly marked interrupted would never get one.
            var after = await stack.WaitForAsync(id, e => ToolkitStack.Status(e) != "running"
                || (StepStatus(e, "hold") == "running" && HeartbeatAt(e) > restarted), timeoutSeconds: 120);
            Assert.True(ToolkitStack.Status(after) == "running", "after the API's restart: " + after.ToJsonString());
            await BrokerRestartTests.SkipAsync(stack, id);
            var done = await WaitFinishedAsync(stack, id);
            AssertComplete(done, reference);
            Assert.Equal("completed", StepStatus(done, "nap"));
            final = LastSequence(done);
            Track(census, stack);
        }
        var leftovers = await LeftoversAsync(census);
        Figure(output, "api-sigkill", $"1 execution, terminal=completed, API down {Seconds(down)} (killed, restarted, healthy; heartbeat " +
            $"timeout {heartbeatTimeout:0} s), {final - atFault} events applied after the kill, 0 lost, {leftovers} leftover processes");
    }

    private static DateTimeOffset HeartbeatAt(System.Text.Json.Nodes.JsonNode execution) =>
        execution["execution"]!["last_heartbeat_at"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.MinValue;
}
