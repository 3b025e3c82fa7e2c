using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Tests.Engine;

/// <summary>Playbook parameters and step parameters are typed by one conversion: the same text gives the same value.</summary>
public sealed class ValueConversionTests
{
    [Theory]
    [InlineData("YES", true)]
    [InlineData(" on ", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    public void A_boolean_reads_the_same_as_a_playbook_parameter_and_as_a_step_parameter(string text, bool expected)
    {
        var playbook = new Playbook("p", "1", null,
            [new PlaybookParameter("flag", ParameterType.Boolean, true, null, null, SourceLocation.None("p.yaml"))], [],
            new Dictionary<string, object?>(), "p.yaml");
        Assert.Equal(expected, PlaybookParameterBinder.Bind(playbook, new Dictionary<string, object?> { ["flag"] = text }).Values["flag"]);
        Assert.Equal(expected, ValueCoercion.Coerce(text, StepParameterType.Boolean, "flag"));
    }

    [Theory]
    [InlineData(StepParameterType.Integer, "-42", -42L)]
    [InlineData(StepParameterType.Float, "2.5", 2.5)]
    [InlineData(StepParameterType.String, 7L, "7")]
    [InlineData(StepParameterType.String, true, "true")]
    public void Numbers_and_text_convert_with_the_invariant_culture(StepParameterType type, object given, object expected)
    {
        Assert.True(ValueConversion.TryConvert(type, given, out var converted));
        Assert.Equal(expected, converted);
    }

    [Fact]
    public void Lists_and_maps_come_from_collections_or_json_text_and_bad_values_are_refused_with_the_expected_type()
    {
        Assert.True(ValueConversion.TryConvert(StepParameterType.List, "[1, \"a\"]", out var list));
        Assert.Equal(new List<object?> { 1L, "a" }, list);
        Assert.True(ValueConversion.TryConvert(StepParameterType.Dict, "{\"port\": 8088}", out var map));
        Assert.Equal(8088L, ((Dictionary<string, object?>)map!)["port"]);
        var error = Assert.Throws<FormatException>(() => ValueCoercion.Coerce("maybe", StepParameterType.Boolean, "flag"));
        Assert.Equal("parameter 'flag' must be true or false, got 'maybe'", error.Message);
    }
}
