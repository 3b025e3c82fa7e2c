using System.Diagnostics;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Benchmarks;

/// <summary>The baseline: the same playbook run by the engine in this process, events discarded.</summary>
internal static class InProcessEngine
{
    public static async Task<TimeSpan> RunAsync(string yaml)
    {
        var data = Directory.CreateTempSubdirectory("toolkit-bench-").FullName;
        try
        {
            var services = new ServiceCollection().AddLogging()
                .AddToolkitCore(key => key == "Toolkit:DataDirectory" ? data : null)
                .BuildServiceProvider();
            var playbook = services.GetRequiredService<IPlaybookLoader>().Load(yaml, "bench.yaml").Playbook!;
            var clock = Stopwatch.StartNew();
            var run = services.GetRequiredService<IPlaybookEngine>().Start(
                new ExecutionRequest(Guid.NewGuid(), playbook, new Dictionary<string, object?>()), new NullObserver(), CancellationToken.None);
            var status = await run.Completion;
            if (status != ExecutionStatus.Completed) throw new InvalidOperationException($"in-process run ended {status}");
            return clock.Elapsed;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private sealed class NullObserver : IExecutionObserver
    {
        public ValueTask OnEventAsync(ExecutionEvent engineEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
