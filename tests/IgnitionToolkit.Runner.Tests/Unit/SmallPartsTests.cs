using TempFolder = IgnitionToolkit.Testing.TempFolder;
using IgnitionToolkit.Hosting.Playbooks;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Runner.Execution;
using IgnitionToolkit.Runner.Messaging;
using IgnitionToolkit.Runner.Tests.Support;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Runner.Tests.Unit;

[Trait("Category", "Unit")]
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
    public void Json_parameters_are_typed_by_the_core_binder()
    {
        var playbook = new Playbook("p", "1.0", null, [], [], new Dictionary<string, object?>(), "p.yaml");
        var given = JsonValues.ParseObject("""{"i": 7, "big": 9007199254740993, "f": 1.25, "b": false, "s": "x", "n": null, "l": [1, [2]], "d": {"k": 1}}""");

        var values = PlaybookParameterBinder.Bind(playbook, given).Values;

        Assert.Equal(7L, values["i"]);
        Assert.Equal(9007199254740993L, values["big"]);
        Assert.Equal(1.25, values["f"]);
        Assert.Equal(false, values["b"]);
        Assert.Equal("x", values["s"]);
        Assert.Null(values["n"]);
        Assert.Equal(new List<object?> { 1L, new List<object?> { 2L } }, values["l"]);
        Assert.Equal(1L, Assert.IsType<Dictionary<string, object?>>(values["d"])["k"]);
        Assert.Empty(JsonValues.ParseObject(""));
        Assert.Empty(JsonValues.ParseObject("null"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonValues.ParseObject("[1]"));
    }

    [Fact]
    public void Cli_source_looks_in_the_library_then_next_to_the_playbook_and_a_validated_folder_is_a_library_root()
    {
        using var folder = new TempFolder();
        var parent = folder.Write("work/parent.yaml", "x");
        folder.Write("work/child.yaml", "near");
        folder.Write("library/child.yaml", "library copy");
        folder.Write("library/common/shared.yaml", "shared");
        folder.Write("work/sibling.yaml", "sibling");
        folder.Write("secret.yaml", "outside");

        var source = FirstMatchPlaybookSource.ForFile(parent, Path.Combine(folder.Path, "library"));

        Assert.Equal("library copy", source.Find("child.yaml", parent)?.Text);
        Assert.Equal("sibling", source.Find("sibling.yaml", parent)?.Text);
        Assert.Equal("shared", source.Find("common/shared", parent)?.Text);
        // validate <folder>: that folder is the first library root (v5 playbooks write paths like gateway/x.yaml)
        var rooted = FirstMatchPlaybookSource.ForFile(parent, Path.Combine(folder.Path, "library"), folder.Path);
        Assert.Equal("near", rooted.Find("work/child.yaml", parent)?.Text);
        Assert.Null(source.Find("../secret.yaml", parent));
        Assert.Null(source.Find("missing.yaml", parent));
    }
}
