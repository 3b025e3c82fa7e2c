using IgnitionToolkit.Api.Executions.Projection;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests;

/// <summary>How runner events become rows: order, repeats, gaps and batches (SQLite and PostgreSQL).</summary>
public abstract partial class ExecutionPersistenceTests
{
    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "A seeded shuffle makes the test reproducible; nothing secret depends on it.")]
    public async Task Shuffled_and_duplicated_events_give_the_same_rows_as_ordered_ones()
    {
        Api.WritePlaybook("events/hello.yaml", SamplePlaybooks.Hello());
        var ordered = await Api.StartAsync("events/hello.yaml");
        var shuffled = await Api.StartAsync("events/hello.yaml");

        foreach (var message in ExecutionSteps.NestedRun(Api.Runner, ordered))
            await Api.Runner.PublishAsync(message);
        var random = new Random(42);
        var noisy = ExecutionSteps.NestedRun(Api.Runner, shuffled).Concat(ExecutionSteps.NestedRun(Api.Runner, shuffled).Take(5))
            .OrderBy(_ => random.Next()).ToList();
        Assert.NotEqual(1, noisy[0].Sequence);
        foreach (var message in noisy)
            await Api.Runner.PublishAsync(message);

        var a = await Api.WaitForStatusAsync(ordered, "completed");
        var b = await Api.WaitForStatusAsync(shuffled, "completed");
        foreach (var part in new[] { "steps", "logs", "artifacts" })
            Assert.Equal(a[part]!.ToJsonString(), b[part]!.ToJsonString());

        var steps = b["steps"]!.AsArray();
        Assert.Equal(["run_child", "run_child/say"], steps.Select(s => s!["step_path"]!.GetValue<string>()));
        Assert.Equal([0, 1], steps.Select(s => s!["depth"]!.GetValue<int>()));
        Assert.Equal("run_child", steps[1]!["parent_path"]!.GetValue<string>());
        Assert.Equal("completed", steps[1]!["status"]!.GetValue<string>());
        Assert.Equal(3, steps[1]!["outputs"]!["count"]!.GetValue<int>());
        Assert.Equal("starting child", Assert.Single(b["logs"]!.AsArray())!["message"]!.GetValue<string>());
        Assert.Single(b["artifacts"]!.AsArray());
        Assert.Equal("fake-runner", b["execution"]!["runner_id"]!.GetValue<string>());

        await using var scope = Api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        Assert.Equal(8, (await db.Executions.SingleAsync(e => e.Id == shuffled)).LastAppliedSequence);
        Assert.False(await db.PendingEvents.AnyAsync(p => p.ExecutionId == shuffled));
        Assert.Equal(2, await db.StepResults.CountAsync(s => s.ExecutionId == shuffled));
    }

    [Fact]
    public async Task Events_after_a_gap_wait_until_the_gap_is_filled()
    {
        Api.WritePlaybook("gap/hello.yaml", SamplePlaybooks.Hello());
        var id = await Api.StartAsync("gap/hello.yaml");
        var run = ExecutionSteps.NestedRun(Api.Runner, id);
        foreach (var late in run.Skip(4))
            await Api.Runner.PublishAsync(late);

        await Wait.ForAsync(async () =>
        {
            await using var scope = Api.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ToolkitDbContext>().PendingEvents.CountAsync(p => p.ExecutionId == id);
        }, count => count == 4, "four events waiting for the gap");
        var waiting = await Api.GetExecutionAsync(id);
        Assert.Equal("pending", waiting["execution"]!["status"]!.GetValue<string>());
        Assert.Empty(waiting["steps"]!.AsArray());

        foreach (var early in run.Take(4).Reverse().Concat(run.Skip(6)))
            await Api.Runner.PublishAsync(early);
        var done = await Api.WaitForStatusAsync(id, "completed");
        Assert.Equal(2, done["steps"]!.AsArray().Count);
        await using var check = Api.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<ToolkitDbContext>().PendingEvents.AnyAsync(p => p.ExecutionId == id));
    }

    [Fact]
    public async Task Event_batches_are_applied_like_single_events_whatever_their_order_and_repeats()
    {
        Api.WritePlaybook("batches/hello.yaml", SamplePlaybooks.Hello());
        var single = await Api.StartAsync("batches/hello.yaml");
        var batched = await Api.StartAsync("batches/hello.yaml");
        foreach (var message in ExecutionSteps.NestedRun(Api.Runner, single))
            await Api.Runner.PublishAsync(message);

        var run = ExecutionSteps.NestedRun(Api.Runner, batched);
        await Api.Runner.PublishBatchAsync(run.Skip(4).ToList()); // the later batch first: it waits for the gap
        await Api.Runner.PublishBatchAsync(run.Take(4).ToList());
        await Api.Runner.PublishBatchAsync(run.Skip(2).Take(4).ToList()); // published again (at least once)

        var a = await Api.WaitForStatusAsync(single, "completed");
        var b = await Api.WaitForStatusAsync(batched, "completed");
        foreach (var part in new[] { "steps", "logs", "artifacts" })
            Assert.Equal(a[part]!.ToJsonString(), b[part]!.ToJsonString());
        await using var scope = Api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        Assert.Equal(8, (await db.Executions.SingleAsync(e => e.Id == batched)).LastAppliedSequence);
        Assert.False(await db.PendingEvents.AnyAsync(p => p.ExecutionId == batched));
    }

    [Fact]
    public async Task One_batch_of_several_executions_is_applied_to_each_with_its_gaps_repeats_and_strangers()
    {
        Api.WritePlaybook("together/hello.yaml", SamplePlaybooks.Hello());
        var complete = await Api.StartAsync("together/hello.yaml");
        var gapped = await Api.StartAsync("together/hello.yaml");
        var first = ExecutionSteps.NestedRun(Api.Runner, complete);
        var second = ExecutionSteps.NestedRun(Api.Runner, gapped);
        // Interleaved as one consumer batch: all of the first (twice over in part), the second without its event #3,
        // and events of an execution this API does not know.
        var batch = first.Zip(second).SelectMany(p => new[] { p.First, p.Second }).Where(m => !(m.ExecutionId == gapped && m.Sequence == 3))
            .Concat(first.Take(3)).Concat(ExecutionSteps.NestedRun(Api.Runner, Guid.NewGuid()).Take(2)).ToList();

        await using (var scope = Api.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ExecutionEventApplier>().ApplyAsync(batch, CancellationToken.None);

        await using (var scope = Api.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            Assert.Equal(first.Count, (await db.Executions.SingleAsync(e => e.Id == complete)).LastAppliedSequence);
            Assert.Equal(2, (await db.Executions.SingleAsync(e => e.Id == gapped)).LastAppliedSequence);
            Assert.Equal(second.Count - 3, await db.PendingEvents.CountAsync(p => p.ExecutionId == gapped));
        }
        Assert.Equal("completed", (await Api.GetExecutionAsync(complete))["execution"]!["status"]!.GetValue<string>());

        await using (var scope = Api.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ExecutionEventApplier>().ApplyAsync([second[2]], CancellationToken.None);
        var done = await Api.WaitForStatusAsync(gapped, "completed");
        Assert.Equal((await Api.GetExecutionAsync(complete))["steps"]!.ToJsonString(), done["steps"]!.ToJsonString());
    }
}
