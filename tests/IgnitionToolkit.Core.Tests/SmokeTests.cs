using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Wire_names_are_snake_case() => Assert.Equal("skip_back", ExecutionCommand.SkipBack.ToWire());
}
