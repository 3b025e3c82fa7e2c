using IgnitionToolkit.Plugins.Ai.Authoring;

namespace IgnitionToolkit.Plugins.Ai.Tests;

[Trait("Category", "Unit")]
public sealed class PlaybookStepTextTests
{
    private const string Playbook = """
        name: Pump check   # the pump
        version: "1.0"
        steps:
          - id: connect
            type: utility.log
            parameters:
              message: "hello"
          - id: settle
            name: Settle
            type: utility.wait
            parameters:
              seconds: -1
          - id: after
            type: utility.log
            parameters: {message: done}
        """;

    [Fact]
    public void A_step_block_is_found_dedented()
    {
        var block = PlaybookStepText.Find(Playbook, "settle");

        Assert.NotNull(block);
        Assert.Equal("id: settle\nname: Settle\ntype: utility.wait\nparameters:\n  seconds: -1", block.Text);
    }

    [Fact]
    public void Replacing_a_step_keeps_every_other_line()
    {
        var patched = PlaybookStepText.Replace(Playbook, "settle", "id: settle\nname: Settle\ntype: utility.wait\nparameters:\n  seconds: 1\n");

        Assert.Equal(Playbook.Replace("seconds: -1", "seconds: 1", StringComparison.Ordinal), patched);
        Assert.Equal(Playbook.Replace("message: \"hello\"", "message: hi", StringComparison.Ordinal),
            PlaybookStepText.Replace(Playbook, "connect", "id: connect\ntype: utility.log\nparameters:\n  message: hi"));
        Assert.Null(PlaybookStepText.Replace(Playbook, "missing", "id: x"));
    }
}
