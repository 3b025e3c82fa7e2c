using IgnitionToolkit.Plugins.Perspective.Recording;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>The recorder's choices, without a browser: which locator a recorded element gets, how actions become the
/// steps of a draft, and that the draft loads with the real loader (passwords never in it).</summary>
[Trait("Category", "Unit")]
public sealed class RecorderDraftTests
{
    private readonly EngineHarness _engine = new(new ServiceCollection().AddLogging().AddPerspectiveStepSchemas().BuildServiceProvider());

    private static readonly RecordedTarget Button = new()
    {
        ComponentPath = "C:4", ComponentPathCount = 1, Component = "ia.input.button", IsComponent = true,
        Role = "button", Name = "Apply", RoleCount = 1, Text = "Apply", TextCount = 1, Css = "body > div > div:nth-of-type(5)",
    };

    private static RecordedAction Click(RecordedTarget target) => new() { Kind = RecordedAction.Click, Target = target };

    private static RecordedAction Fill(RecordedTarget target, string? value, bool secret = false) =>
        new() { Kind = RecordedAction.Fill, Target = target, Value = value, Secret = secret };

    [Fact]
    public void A_unique_Perspective_component_path_wins_over_role_text_and_css()
    {
        var choice = LocatorChooser.Choose(Button, RecordedAction.Click);
        Assert.Equal("component_path", choice.Strategy);
        Assert.Equal("C:4", choice.Parameters["component_path"]);
    }

    [Fact]
    public void An_input_inside_a_component_is_reached_through_the_component_path()
    {
        var input = new RecordedTarget { ComponentPath = "C.0:3", ComponentPathCount = 1, InnerTag = "input", InnerTagCount = 1, Role = "textbox", Name = "Setpoint", RoleCount = 1, Css = "#x" };
        var choice = LocatorChooser.Choose(input, RecordedAction.Fill);
        Assert.Equal("[data-component-path=\"C.0:3\"] input", choice.Parameters["selector"]);
    }

    [Fact]
    public void Without_a_unique_component_path_role_and_name_come_next_then_text_then_css()
    {
        var shared = Button with { ComponentPathCount = 2 };
        Assert.Equal("role", LocatorChooser.Choose(shared, RecordedAction.Click).Strategy);
        Assert.Equal(true, LocatorChooser.Choose(shared, RecordedAction.Click).Parameters["exact"]);
        var noRole = shared with { RoleCount = 3 };
        Assert.Equal("text", LocatorChooser.Choose(noRole, RecordedAction.Click).Strategy);
        var nothing = noRole with { TextCount = 2 };
        var css = LocatorChooser.Choose(nothing, RecordedAction.Click);
        Assert.Equal("css", css.Strategy);
        Assert.Equal("body > div > div:nth-of-type(5)", css.Parameters["selector"]);
        Assert.Equal("css", LocatorChooser.Choose(nothing with { Role = "not-a-role", RoleCount = 1 }, RecordedAction.Click).Strategy);
    }

    [Fact]
    public void Typing_into_one_field_is_one_fill_and_navigations_wait_for_the_page()
    {
        var field = new RecordedTarget { ComponentPath = "C:3", ComponentPathCount = 1, IsComponent = true, Editable = true, InputType = "text" };
        var builder = new DraftBuilder("http://gw:8088/data/perspective/client/Demo_HMI");
        Assert.NotNull(builder.Add(Click(field)));
        Assert.NotNull(builder.Add(Fill(field, "4")));
        Assert.Null(builder.Add(Fill(field, "42")));
        Assert.NotNull(builder.Add(new RecordedAction { Kind = RecordedAction.Press, Key = "Enter" }));
        Assert.NotNull(builder.Add(Click(Button)));
        Assert.Null(builder.Add(new RecordedAction { Kind = RecordedAction.Navigate, Url = "http://gw:8088/data/perspective/client/Demo_HMI" }));
        Assert.NotNull(builder.Add(new RecordedAction { Kind = RecordedAction.Navigate, Url = "http://gw:8088/data/perspective/client/Demo_HMI/docked?token=one-time" }));

        Assert.Equal(["perspective.navigate", "perspective.click", "perspective.fill", "perspective.keyboard", "perspective.click", "perspective.verify_page"],
            builder.Steps.Select(s => s.Type));
        Assert.Equal("42", builder.Steps[2].Parameters["value"]);
        Assert.Equal("/data/perspective/client/Demo_HMI/docked", builder.Steps[5].Parameters["expected_url_pattern"]); // no one-time query
        Assert.Equal(5, builder.RecordedCount);

        var loaded = _engine.Loader.Load(builder.ToYaml("Recorded", DateTimeOffset.UnixEpoch), "drafts/recorded.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var playbook = loaded.Playbook!;
        Assert.Equal("http://gw:8088", playbook.Parameters.Single(p => p.Name == "gateway_url").Default);
        Assert.Equal("/data/perspective/client/Demo_HMI", playbook.Steps[0].Parameters["url"]);
        Assert.Equal("{{ parameter.gateway_url }}", playbook.Steps[0].Parameters["gateway_url"]);
        Assert.Equal("C:4", playbook.Steps[4].Parameters["component_path"]);
        Assert.Equal("42", playbook.Steps[2].Parameters["value"]); // text as typed, not the number 42
    }

    [Fact]
    public void A_typed_password_becomes_a_parameter_and_a_user_name_field_another()
    {
        var user = new RecordedTarget { Role = "textbox", Name = "Username", RoleCount = 1, Editable = true, InputType = "text", FieldHint = "username user" };
        var password = new RecordedTarget { Css = "#password", Editable = true, InputType = "password", FieldHint = "current-password password" };
        var builder = new DraftBuilder("https://plant:8043/data/perspective/client/Line/secure");
        builder.Add(Fill(user, "operator"));
        builder.Add(Fill(password, null, secret: true));
        builder.Add(Fill(password, null, secret: true));

        var yaml = builder.ToYaml("Login", DateTimeOffset.UnixEpoch);
        Assert.True(builder.HasPassword);
        var loaded = _engine.Loader.Load(yaml, "drafts/login.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var playbook = loaded.Playbook!;
        Assert.Equal(3, playbook.Steps.Count);
        Assert.Equal("{{ parameter.username }}", playbook.Steps[1].Parameters["value"]);
        Assert.Equal("{{ parameter.password }}", playbook.Steps[2].Parameters["value"]);
        Assert.Equal("operator", playbook.Parameters.Single(p => p.Name == "username").Default);
        Assert.Null(playbook.Parameters.Single(p => p.Name == "password").Default);
    }

    [Theory]
    [InlineData("""{"kind":"click","target":{"componentPath":"C:1","componentPathCount":1,"isComponent":true}}""", true)]
    [InlineData("""{"kind":"fill","target":{"css":"#a"},"value":"x"}""", true)]
    [InlineData("""{"kind":"navigate","url":"http://evil"}""", false)] // navigations come from the main frame only, never from the page
    [InlineData("""{"kind":"click","target":{"componentPathCount":"x"}}""", false)]
    [InlineData("not json", false)]
    public void Only_well_formed_actions_of_the_page_are_taken(string json, bool taken) =>
        Assert.Equal(taken, RecordedAction.Parse(json) is not null);
}
