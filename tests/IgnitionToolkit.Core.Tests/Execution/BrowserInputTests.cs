using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Tests.Execution;

/// <summary>Click through the live view: what an input may be and how the execution's log names it.</summary>
public class BrowserInputTests
{
    [Fact]
    public void Inputs_outside_the_picture_or_without_text_or_key_are_refused_with_the_field()
    {
        Assert.Contains("x and y", new BrowserInput("click", 1.2, 0.5, null, null, "op").Problem());
        Assert.Contains("text", new BrowserInput("type", null, null, "", null, "op").Problem());
        Assert.Contains("key", new BrowserInput("press", null, null, null, " ", "op").Problem());
        Assert.Contains("kind must be", new BrowserInput("scroll", null, null, null, null, "op").Problem());
        Assert.Null(new BrowserInput("click", 0, 1, null, null, "op").Problem());
    }

    [Fact]
    public void Typed_text_is_never_named_in_the_log_only_its_length()
    {
        var typed = new BrowserInput("type", null, null, "hunter2", null, "op").Describe();

        Assert.Equal("typed 7 character(s)", typed);
        Assert.Equal("pressed Enter", new BrowserInput("press", null, null, null, "Enter", "op").Describe());
        Assert.Equal("clicked at (0.25, 0.5) of the live view", new BrowserInput("click", 0.25, 0.5, null, null, "op").Describe());
    }
}
