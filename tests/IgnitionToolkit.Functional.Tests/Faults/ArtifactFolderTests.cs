using IgnitionToolkit.Functional.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Faults.FaultSuite;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>The artifact folder made unwritable while an execution runs: the step that saves a file (a gateway backup)
/// fails with an error naming the artifact and the folder, the execution fails (the steps after it do not run), and the
/// Runner runs the next execution normally once the folder is writable again.</summary>
[Trait("Category", "Functional")]
[Collection(FaultSuite.Name)]
public sealed class ArtifactFolderTests(ITestOutputHelper output)
{
    private const string Playbook = """
        name: Backup after a nap
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
          - { name: password, type: string, required: true }
        steps:
          - { id: login, name: Login, type: gateway.login, parameters: { url: "{{ parameter.gateway_url }}", username: admin, password: "{{ parameter.password }}" } }
          - { id: nap, name: Nap, type: utility.wait, parameters: { seconds: 3600 }, timeout: 7200 }
          - { id: backup, name: Backup, type: gateway.backup, timeout: 600 }
          - { id: after, name: After, type: utility.log, parameters: { message: "never" } }
        """;

    [Fact]
    public async Task An_unwritable_artifact_folder_fails_the_saving_step_with_a_clear_error()
    {
        var census = new ProcessCensus();
        TimeSpan failedAfter;
        string error;
        await using (var simulator = await GatewayRun.StartSimulatorAsync("password"))
        await using (var stack = await ToolkitStack.StartAsync())
        {
            Track(census, stack);
            await File.WriteAllTextAsync(Path.Combine(stack.Library, "faults-backup.yaml"), Playbook);
            var id = await stack.StartExecutionAsync("faults-backup.yaml",
                new { gateway_url = simulator.BaseAddress.ToString().TrimEnd('/'), password = "password" });
            await stack.WaitForAsync(id, e => StepStatus(e, "nap") == "running", timeoutSeconds: 120);

            // The Runner made the execution's artifact folder when the execution started.
            var artifacts = Path.Combine(stack.DataDirectory, "artifacts", id.ToString());
            Assert.True(Directory.Exists(artifacts), artifacts);
            var clock = Clock();
            await using (await ReadOnlyFolder.LockAsync(artifacts))
            {
                await BrokerRestartTests.SkipAsync(stack, id); // the backup starts now, with the folder locked
                var failed = await WaitFinishedAsync(stack, id, 180);
                failedAfter = clock.Elapsed;
                Assert.True(ToolkitStack.Status(failed) == "failed", failed.ToJsonString());
                Assert.Equal("failed", StepStatus(failed, "backup"));
                Assert.Null(StepStatus(failed, "after"));
                Assert.DoesNotContain(failed["steps"]!.AsArray(), s => s!["status"]!.GetValue<string>() is "running" or "pending");
                Assert.Empty(failed["artifacts"]!.AsArray());
                error = Step(failed, "backup")!["error"]!.GetValue<string>();
                Assert.Contains("cannot save artifact", error, StringComparison.Ordinal);
                Assert.Contains(artifacts, error, StringComparison.Ordinal);
            }

            var next = await stack.StartExecutionAsync("utility/hello_world.yaml");
            await stack.WaitForStatusAsync(next, "completed", timeoutSeconds: 120);
            Track(census, stack);
        }
        var leftovers = await LeftoversAsync(census);
        Figure(output, "artifacts-unwritable", $"1 execution, terminal=failed {Seconds(failedAfter)} after the lock, step error " +
            $"\"{(error.Length > 90 ? error[..90] + "…" : error)}\", next execution completed, {leftovers} leftover processes");
    }
}
