using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Rows seeded in a status for tests, moved there through the status state machine as the product does
/// (pending → running → the status); the finish time given in the row's initializer is kept.</summary>
public static class StatusSeeding
{
    public static ExecutionRecord InStatus(this ExecutionRecord row, string status)
    {
        var target = WireNames.Parse<ExecutionStatus>(status);
        var finishedAt = row.FinishedAt;
        var at = row.StartedAt ?? row.CreatedAt;
        if (target != ExecutionStatus.Pending && !StatusMachine.TryMove(row, target, at))
        {
            StatusMachine.TryMove(row, ExecutionStatus.Running, at);
            if (target != ExecutionStatus.Running && !StatusMachine.TryMove(row, target, at))
                throw new InvalidOperationException($"cannot seed an execution as {status}");
        }
        row.FinishedAt = finishedAt;
        return row;
    }

    public static StepResultRecord InStatus(this StepResultRecord row, string status)
    {
        var target = WireNames.Parse<StepStatus>(status);
        if (target != StepStatus.Pending && !StatusMachine.TryMove(row, target))
            throw new InvalidOperationException($"cannot seed a step as {status}");
        return row;
    }
}
