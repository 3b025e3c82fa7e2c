using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Faults.FaultSuite;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>RabbitMQ (a private node) shut down and started again while a step runs: the Runner keeps running, retries
/// the events it could not publish, and both services reconnect; the API then applies every event (none lost) and can
/// still control the execution (a command sent while the Runner reconnects waits in its durable control queue).</summary>
[Trait("Category", "Functional")]
[Collection(FaultSuite.Name)]
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RabbitMQ_restarted_mid_run_loses_no_event_and_the_execution_completes()
    {
        var census = new ProcessCensus();
        TimeSpan outage, recovered;
        long atFault, final;
        await using (var broker = await PrivateRabbitMq.StartAsync())
        {
            census.Track(broker.ProcessId!.Value).TrackCommandLine(broker.Root);
            await using (var stack = await ToolkitStack.StartAsync(rabbitMq: broker.Url))
            {
                Track(census, stack);
                WritePlaybooks(stack);
                var reference = await ReferenceAsync(stack);
                var id = await stack.StartExecutionAsync(StepsPlaybook, new { nap = 3, hold = 3600 });
                atFault = LastSequence(await stack.WaitForAsync(id, e => StepStatus(e, "nap") == "running", timeoutSeconds: 120));

                var clock = Clock();
                await broker.StopAsync();
                await broker.StartAgainAsync();
                outage = clock.Elapsed;
                census.Track(broker.ProcessId!.Value).TrackCommandLine(broker.Root);

                // Events of the nap's end and the next steps were published (after retries) once the broker was back.
                await stack.WaitForAsync(id, e => StepStatus(e, "hold") == "running", timeoutSeconds: 180);
                recovered = clock.Elapsed;
                // At once, whether or not the Runner has reconnected its control endpoint yet: its queue is durable.
                await SkipAsync(stack, id);
                var done = await WaitFinishedAsync(stack, id);
                AssertComplete(done, reference);
                Assert.Equal("completed", StepStatus(done, "nap"));
                Assert.Equal("skipped", StepStatus(done, "hold"));
                final = LastSequence(done);
                Track(census, stack);
            }
        }
        var leftovers = await LeftoversAsync(census);
        Figure(output, "rabbitmq-restart", $"1 execution, terminal=completed, broker down and up again in {Seconds(outage)}, " +
            $"execution progressing {Seconds(recovered)} after the stop, {final - atFault} events applied after the fault, 0 lost, {leftovers} leftover processes");
    }

    /// <summary>Skips the running step through the API.</summary>
    internal static async Task SkipAsync(ToolkitStack stack, Guid id)
    {
        using var response = await stack.Http.PostAsync($"api/v1/executions/{id}/skip", null);
        Assert.True(response.IsSuccessStatusCode, $"skip → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
