using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Reports;

namespace IgnitionToolkit.Cli.Tests.Reports;

/// <summary>The report model built from events: nested steps under their caller, logs with their step, steps the
/// execution never reached reported as skipped in JUnit.</summary>
[Trait("Category", "Unit")]
public sealed class ReportModelTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Dictionary<string, object?> None = [];

    [Fact]
    public void Nested_steps_hang_under_their_caller_with_their_logs()
    {
        var model = ReportModel.From(
        [
            new ExecutionStartedEvent(At, "parent", 2),
            new StepStartedEvent(At, "call", null, "call", "Call", "playbook.run", 1, None),
            new StepStartedEvent(At, "call/inner", "call", "inner", "Inner", "utility.log", 1, None),
            new LogEvent(At, "call/inner", "info", "from inside"),
            new StepFinishedEvent(At, "call/inner", "call", "inner", StepStatus.Completed, None, null, TimeSpan.FromMilliseconds(5), 1),
            new StepFinishedEvent(At, "call", null, "call", StepStatus.Completed, None, null, TimeSpan.FromMilliseconds(9), 1),
            new ExecutionFinishedEvent(At, ExecutionStatus.Cancelled, "cancelled", TimeSpan.FromMilliseconds(12)),
        ], "fallback");

        Assert.Equal("parent", model.PlaybookName);
        Assert.Equal(ExecutionStatus.Cancelled, model.Status);
        var call = Assert.Single(model.Steps);
        var inner = Assert.Single(call.Children);
        Assert.Equal("from inside", Assert.Single(inner.Logs).Message);
        Assert.Equal(["call", "call/inner"], model.AllSteps.Select(s => s.Path));
    }

    [Fact]
    public void A_step_that_never_finished_is_a_skipped_test_case()
    {
        var model = ReportModel.From(
        [
            new ExecutionStartedEvent(At, "p", 1),
            new StepStartedEvent(At, "hold", null, "hold", "hold", "utility.wait", 1, None),
            new ExecutionFinishedEvent(At, ExecutionStatus.Cancelled, null, TimeSpan.FromSeconds(1)),
        ], "p");

        var testCase = JUnitReportWriter.Build(model).Root!.Element("testsuite")!.Element("testcase")!;

        Assert.Equal("hold", testCase.Attribute("name")!.Value);
        Assert.NotNull(testCase.Element("skipped"));
    }
}
