using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public class TemplateResolverTests
{
    private static readonly TemplateResolver Resolver = new();

    private static TemplateScope Scope() => new()
    {
        Parameters = new Dictionary<string, object?> { ["count"] = 3L, ["ratio"] = 1.5, ["on"] = true, ["name"] = "web", ["nothing"] = null },
        Variables = new Dictionary<string, object?> { ["greeting"] = "hello", ["cfg"] = new Dictionary<string, object?> { ["port"] = 8088L } },
        Credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gw"] = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "s3cret" },
        },
        StepOutputs = new Dictionary<string, IReadOnlyDictionary<string, object?>>
        {
            ["list"] = new Dictionary<string, object?>
            {
                ["projects"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["name"] = "alpha" },
                    new Dictionary<string, object?> { ["name"] = "beta" },
                },
                ["count"] = 2,
            },
        },
    };

    [Theory]
    [InlineData("{{ parameter.count }}", 3L)]
    [InlineData("{{count}}", 3L)]
    [InlineData("  {{ parameter.ratio }} ", 1.5)]
    [InlineData("{{ parameter.on }}", true)]
    [InlineData("{{ step.list.count }}", 2)]
    public void A_single_template_keeps_the_value_type(string template, object expected)
    {
        var value = Resolver.Resolve(template, Scope());
        Assert.Equal(expected, value);
        Assert.IsType(expected.GetType(), value);
    }

    [Fact]
    public void Single_template_of_null_stays_null() => Assert.Null(Resolver.Resolve("{{ nothing }}", Scope()));

    [Fact]
    public void Interpolation_uses_invariant_culture_and_lower_case_booleans()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("n=3 r=1.5 on=true name=web", Resolver.Resolve("n={{count}} r={{ parameter.ratio }} on={{ on }} name={{ name }}", Scope()));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Variables_credentials_and_step_outputs_resolve_with_deeper_access()
    {
        var scope = Scope();
        Assert.Equal("hello", Resolver.Resolve("{{ variable.greeting }}", scope));
        Assert.Equal(8088L, Resolver.Resolve("{{ variable.cfg.port }}", scope));
        Assert.Equal("admin", Resolver.Resolve("{{ credential.gw.username }}", scope));
        Assert.Equal("s3cret", Resolver.Resolve("{{ credential.gw }}", scope));
        Assert.Equal("beta", Resolver.Resolve("{{ step.list.projects.1.name }}", scope));
        Assert.Equal("first=alpha", Resolver.Resolve("first={{step.list.projects.0.name}}", scope));
    }

    [Fact]
    public void Lists_and_maps_are_resolved_recursively()
    {
        var value = new Dictionary<string, object?>
        {
            ["a"] = new List<object?> { "{{ count }}", "x {{ name }}", 7L },
            ["b"] = new Dictionary<string, object?> { ["c"] = "{{ parameter.on }}" },
        };
        var resolved = Assert.IsType<Dictionary<string, object?>>(Resolver.Resolve(value, Scope()));
        Assert.Equal(new List<object?> { 3L, "x web", 7L }, resolved["a"]);
        Assert.Equal(true, ((Dictionary<string, object?>)resolved["b"]!)["c"]);
    }

    [Fact]
    public void A_credential_parameter_gives_its_fields_as_in_v5() =>
        Assert.Equal("admin / s3cret", Resolver.Resolve("{{ parameter.gw.username }} / {{ parameter.gw.password }}", Scope()));

    [Fact]
    public void V2_step_variable_form_falls_back_to_step_outputs() =>
        Assert.Equal("alpha", Resolver.Resolve("{{ variable.list.projects.0.name }}", Scope()));

    [Theory]
    [InlineData("{{ parameter.missing }}", "{{ parameter.missing }}", "unknown parameter 'missing'")]
    [InlineData("x {{ variable.nope }}", "{{ variable.nope }}", "unknown variable 'nope'")]
    [InlineData("{{ credential.gw.token }}", "{{ credential.gw.token }}", "field 'token' of credential 'gw'")]
    [InlineData("{{ credential.other }}", "{{ credential.other }}", "unknown credential 'other'")]
    [InlineData("{{ step.ghost.out }}", "{{ step.ghost.out }}", "unknown step 'ghost'")]
    [InlineData("{{ step.list.projects.5.name }}", "{{ step.list.projects.5.name }}", "'5'")]
    public void Unknown_references_throw_naming_the_reference(string template, string reference, string fragment)
    {
        var ex = Assert.Throws<TemplateException>(() => Resolver.Resolve(template, Scope()));
        Assert.Equal(reference, ex.Reference);
        Assert.Contains(fragment, ex.Message);
    }

    [Theory]
    [InlineData("{{ bad | filter }}")]
    [InlineData("p {{ color: #333; }} h1 {{ font-family: Arial, sans-serif; margin: 20px; }}")]
    [InlineData("{{ }}")]
    [InlineData("style {{ color: red; }} for {{ parameter.name }}", "style {{ color: red; }} for web")]
    public void Text_in_braces_that_is_no_reference_is_kept_as_written(string text, string? expected = null) =>
        Assert.Equal(expected ?? text, Resolver.Resolve(text, Scope()));

    [Fact]
    public void Strings_without_templates_and_other_values_pass_through()
    {
        Assert.Equal("plain {text}", Resolver.Resolve("plain {text}", Scope()));
        Assert.Equal(42L, Resolver.Resolve(42L, Scope()));
        Assert.Null(Resolver.Resolve(null, Scope()));
    }

    [Fact]
    public void Json_outputs_are_navigated_and_keep_their_types()
    {
        var json = System.Text.Json.JsonDocument.Parse("""{"items": [{"port": 8088, "up": true}]}""").RootElement.Clone();
        var scope = new TemplateScope
        {
            Parameters = new Dictionary<string, object?>(), Variables = new Dictionary<string, object?>(),
            Credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            StepOutputs = new Dictionary<string, IReadOnlyDictionary<string, object?>>
            {
                ["api"] = new Dictionary<string, object?> { ["body"] = json },
            },
        };
        Assert.Equal(8088L, Resolver.Resolve("{{ step.api.body.items.0.port }}", scope));
        Assert.Equal(true, Resolver.Resolve("{{ step.api.body.items.0.up }}", scope));
    }
}
