using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Faults.FaultSuite;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>PostgreSQL (a private cluster) stopped for 20 s while a step runs: the Runner does not need the database and
/// finishes the step; the events it publishes meanwhile stay in the API's queue until they can be saved, so every one
/// is applied once the database is back, and the execution completes.</summary>
[Trait("Category", "Functional")]
[Collection(FaultSuite.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task PostgreSQL_stopped_for_20_s_mid_run_loses_no_event_and_the_execution_completes()
    {
        var census = new ProcessCensus();
        TimeSpan caughtUp;
        long atFault, final;
        await using (var database = await PrivatePostgres.StartAsync())
        {
            census.Track(database.ProcessId!.Value).TrackCommandLine(database.Root);
            await using (var stack = await ToolkitStack.StartAsync(postgres: true, postgresServer: database.ConnectionString))
            {
                Track(census, stack);
                WritePlaybooks(stack);
                var reference = await ReferenceAsync(stack);
                var id = await stack.StartExecutionAsync(StepsPlaybook, new { nap = 2, hold = 3600 });
                atFault = LastSequence(await stack.WaitForAsync(id, e => StepStatus(e, "nap") == "running", timeoutSeconds: 120));

                var clock = Clock();
                await database.StopAsync();
                await Task.Delay(Outage); // the fault's length: the nap ends meanwhile and its events are published
                await database.StartAgainAsync();
                census.Track(database.ProcessId!.Value);

                await stack.WaitForAsync(id, e => StepStatus(e, "hold") == "running", timeoutSeconds: 180);
                caughtUp = clock.Elapsed;
                await BrokerRestartTests.SkipAsync(stack, id);
                var done = await WaitFinishedAsync(stack, id);
                AssertComplete(done, reference);
                Assert.Equal("completed", StepStatus(done, "nap"));
                final = LastSequence(done);
                Track(census, stack);
            }
        }
        var leftovers = await LeftoversAsync(census);
        Figure(output, "postgres-stop-20s", $"1 execution, terminal=completed, database down {Seconds(Outage)}, events caught up " +
            $"{Seconds(caughtUp - Outage)} after the restart, {final - atFault} events applied after the fault, 0 lost, {leftovers} leftover processes");
    }
}
