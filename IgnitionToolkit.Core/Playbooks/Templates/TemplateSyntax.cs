using System.Text.RegularExpressions;

namespace IgnitionToolkit.Core.Playbooks.Templates;

/// <summary><see cref="Literal"/>: text in braces that is not a reference of the grammar (CSS in a Python f-string,
/// <c>{{ color: red; }}</c>); it is left as it is, as the original toolkit did.</summary>
internal enum TemplateRoot { Bare, Parameter, Variable, Credential, Step, Invalid, Literal }

/// <summary>One <c>{{ ... }}</c> reference. <see cref="Name"/> is the parameter, variable, credential or step id;
/// <see cref="Path"/> the segments after it (the output and deeper keys for steps, the field for credentials).</summary>
internal sealed record TemplateReference(TemplateRoot Root, string Name, IReadOnlyList<string> Path, string Expression)
{
    public string Text => "{{ " + Expression + " }}";
}

/// <summary>Finds and parses <c>{{ ... }}</c> templates.</summary>
internal static partial class TemplateSyntax
{
    // No braces inside a template: keeps matching linear even on hostile text like "{{{{{{...".
    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    public static partial Regex Occurrence();

    [GeneratedRegex(@"^\s*\{\{([^{}]*)\}\}\s*$")]
    private static partial Regex WholeTemplate();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+$")]
    private static partial Regex Segment();

    public static bool ContainsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) && Occurrence().IsMatch(text);

    /// <summary>True when the whole string is one template (its value then keeps its type).</summary>
    public static bool IsSingleTemplate(string text, out TemplateReference reference)
    {
        var match = WholeTemplate().Match(text);
        reference = match.Success ? Parse(match.Groups[1].Value) : new TemplateReference(TemplateRoot.Invalid, "", [], "");
        return match.Success;
    }

    public static IEnumerable<TemplateReference> FindAll(string text) =>
        Occurrence().Matches(text).Select(m => Parse(m.Groups[1].Value));

    public static TemplateReference Parse(string inner)
    {
        var expression = inner.Trim();
        var segments = expression.Split('.');
        if (segments.Any(s => !Segment().IsMatch(s)))
            return new TemplateReference(TemplateRoot.Literal, expression, [], expression);
        var rest = segments.Skip(2).ToArray();
        return segments[0] switch
        {
            "parameter" when segments.Length >= 2 => new(TemplateRoot.Parameter, segments[1], rest, expression),
            "variable" when segments.Length >= 2 => new(TemplateRoot.Variable, segments[1], rest, expression),
            "credential" when segments.Length is 2 or 3 => new(TemplateRoot.Credential, segments[1], rest, expression),
            "step" when segments.Length >= 3 => new(TemplateRoot.Step, segments[1], rest, expression),
            "parameter" or "variable" or "credential" or "step" =>
                new(TemplateRoot.Invalid, expression, [], expression),
            _ => new(TemplateRoot.Bare, segments[0], segments.Skip(1).ToArray(), expression),
        };
    }

    /// <summary>Why an <see cref="TemplateRoot.Invalid"/> reference is invalid.</summary>
    public static string InvalidReason(TemplateReference reference) =>
        reference.Expression.Split('.')[0] switch
        {
            "parameter" => $"'{reference.Text}' must name a parameter: {{{{ parameter.<name> }}}}",
            "variable" => $"'{reference.Text}' must name a variable: {{{{ variable.<name> }}}}",
            "credential" => $"'{reference.Text}' must be {{{{ credential.<name> }}}} or {{{{ credential.<name>.<field> }}}}",
            "step" => $"'{reference.Text}' must name a step and an output: {{{{ step.<id>.<output> }}}}",
            _ => $"'{reference.Text}' is not a supported template; use {{{{ parameter.x }}}}, {{{{ variable.x }}}}, " +
                 "{{ credential.name.field }} or {{ step.<id>.<output> }}",
        };
}
