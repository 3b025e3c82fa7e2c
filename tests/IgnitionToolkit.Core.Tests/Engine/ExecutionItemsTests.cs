using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Testing.Engine;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>What lives with an execution (a gateway session, a browser context) is closed with it, also when a step
/// opens it after the execution was cancelled.</summary>
public class ExecutionItemsTests
{
    [Fact]
    public async Task Items_are_disposed_last_added_first_and_one_added_after_the_end_is_disposed_at_once()
    {
        var closed = new List<string>();
        var items = new ExecutionItems();
        items.Set("a", new Closer(() => closed.Add("a")));
        items.GetOrAdd("b", () => new Closer(() => closed.Add("b")));
        await items.DisposeAsync();
        Assert.Equal(["b", "a"], closed);

        items.Set("late", new Closer(() => closed.Add("late"))); // a step the engine stopped waiting for
        Assert.Equal(["b", "a", "late"], closed);
    }

    [Fact]
    public async Task A_cancelled_step_that_opens_something_afterwards_has_it_closed()
    {
        var step = new LateItemStep();
        var run = new EngineHarness(step).Start(Of(Step("open", "test.late_item")));
        await run.Events.WaitForAsync<StepStartedEvent>(s => s.StepPath == "open");

        run.Control.Send(ExecutionCommand.Cancel);
        await step.Cancelled.WaitAsync(TimeSpan.FromMinutes(5)); // a bound for a loaded machine, not a speed
        step.Open(); // the step goes on opening its item after the cancel, as a browser context being created would

        Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync(300));
        // closed with the execution (the engine waits up to a grace for a cancelled step), or at once if the step was slower
        await step.Item.Closed.WaitAsync(TimeSpan.FromMinutes(5));
    }

    private sealed class Closer(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
