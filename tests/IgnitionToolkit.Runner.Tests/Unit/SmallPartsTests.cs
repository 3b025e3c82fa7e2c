using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Messaging;
using IgnitionToolkit.Runner.Playbooks;

namespace IgnitionToolkit.Runner.Tests.Unit;

public sealed class SmallPartsTests
{
    [Theory]
    [InlineData("pause", ExecutionCommand.Pause)]
    [InlineData("Resume", ExecutionCommand.Resume)]
    [InlineData("skip", ExecutionCommand.Skip)]
    [InlineData("skip_back", ExecutionCommand.SkipBack)]
    [InlineData("skip-back", ExecutionCommand.SkipBack)]
    [InlineData(" cancel ", ExecutionCommand.Cancel)]
    public void Control_commands_map_from_their_wire_names(string wire, ExecutionCommand expected)
    {
        Assert.True(ControlCommands.TryParse(wire, out var command));
        Assert.Equal(expected, command);
    }

    [Fact]
    public void Unknown_control_command_is_refused() => Assert.False(ControlCommands.TryParse("explode", out _));

    [Fact]
    public void Json_parameters_keep_their_types()
    {
        var values = JsonValues.ParseObject("""{"i": 7, "big": 9007199254740993, "f": 1.25, "b": false, "s": "x", "n": null, "l": [1, [2]], "d": {"k": 1}}""");

        Assert.Equal(7L, values["i"]);
        Assert.Equal(9007199254740993L, values["big"]);
        Assert.Equal(1.25, values["f"]);
        Assert.Equal(false, values["b"]);
        Assert.Equal("x", values["s"]);
        Assert.Null(values["n"]);
        Assert.Equal(new List<object?> { 1L, new List<object?> { 2L } }, values["l"]);
        Assert.Equal(1L, Assert.IsType<Dictionary<string, object?>>(values["d"])["k"]);
        Assert.Empty(JsonValues.ParseObject(""));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonValues.ParseObject("[1]"));
    }

    [Fact]
    public void Bundle_source_resolves_relative_to_the_caller_then_the_library_root()
    {
        var source = new BundlePlaybookSource(new Dictionary<string, string>
        {
            ["gateway/child.yaml"] = "near",
            ["common/shared.yaml"] = "root",
        });

        Assert.Equal("near", source.Find("child.yaml", "gateway/parent.yaml")?.Text);
        Assert.Equal("gateway/child.yaml", source.Find("./child", "gateway/parent.yaml")?.Path);
        Assert.Equal("root", source.Find("common/shared.yaml", "gateway/parent.yaml")?.Text);
        Assert.Equal("root", source.Find("../common/shared.yaml", "gateway/parent.yaml")?.Text);
        Assert.Null(source.Find("missing.yaml", "gateway/parent.yaml"));
    }
}
