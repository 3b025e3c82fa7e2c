using IgnitionToolkit.Web.Api;

namespace IgnitionToolkit.Web.Tests.Components;

[Trait("Category", "Unit")]
public sealed class PlaybookFlagsTests
{
    [Fact]
    public void Disabling_adds_the_flag_to_the_metadata_block_and_keeps_comments()
    {
        const string yaml = "# keep me\nname: X\nsteps:\n  - id: a\n    type: utility.log\nmetadata:\n  author: me\n  tags: [a]\n";

        var disabled = PlaybookFlags.SetEnabled(yaml, false)!;

        Assert.Equal("# keep me\nname: X\nsteps:\n  - id: a\n    type: utility.log\nmetadata:\n  enabled: false\n  author: me\n  tags: [a]\n", disabled);
        Assert.Equal(disabled.Replace("enabled: false", "enabled: true", StringComparison.Ordinal), PlaybookFlags.SetEnabled(disabled, true));
    }

    [Fact]
    public void A_playbook_without_metadata_gets_a_metadata_block_and_flow_style_is_left_alone()
    {
        Assert.EndsWith("\nmetadata:\n  enabled: false\n", PlaybookFlags.SetEnabled("name: X\nsteps: []\n", false));
        Assert.Null(PlaybookFlags.SetEnabled("name: X\nmetadata: {author: me}\n", false));
    }
}
