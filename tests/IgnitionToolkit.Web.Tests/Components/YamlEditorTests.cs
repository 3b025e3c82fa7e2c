using Bunit;
using IgnitionToolkit.Web.Api.Models;
using IgnitionToolkit.Web.Components.Shared;

namespace IgnitionToolkit.Web.Tests.Components;

[Trait("Category", "Unit")]
public sealed class YamlEditorTests : BunitContext
{
    [Fact]
    public void Diagnostics_are_marked_at_their_lines_and_listed_with_their_messages()
    {
        var editor = Render<YamlEditor>(p => p
            .Add(e => e.Value, "name: x\nversion: \"1\"\nsteps:\n  - id: a\n    type: nope.step\n")
            .Add(e => e.Diagnostics, [new Diagnostic("error", null, 5, 11, "steps[0].type", "unknown step type 'nope.step'")]));

        Assert.Contains("gutter-error", editor.Find("[data-line='5']").ClassName);
        Assert.DoesNotContain("gutter-error", editor.Find(".yaml-gutter [data-line='4']").ClassName ?? "");
        Assert.Contains("line 5, column 11", editor.Find("[data-testid='diagnostics']").TextContent);
        Assert.Contains("unknown step type", editor.Find("[data-testid='diagnostics']").TextContent);
    }

    [Fact]
    public void Typing_reports_the_new_text()
    {
        string? reported = null;
        var editor = Render<YamlEditor>(p => p.Add(e => e.Value, "a: 1").Add(e => e.ValueChanged, (string v) => reported = v));

        editor.Find("textarea").Input("a: 2\nb: 3");

        Assert.Equal("a: 2\nb: 3", reported);
        Assert.Equal(2, editor.FindAll(".yaml-gutter span").Count);
    }
}
