using System.Collections;
using System.Globalization;
using System.Text.Json;
using IgnitionToolkit.Core.Playbooks.Templates;

namespace IgnitionToolkit.Core.Playbooks;

/// <summary>
/// Resolves <c>{{ parameter.x }}</c>, <c>{{ variable.x }}</c>, <c>{{ credential.name.field }}</c>,
/// <c>{{ credential.name }}</c> (the credential's password), bare <c>{{ x }}</c> (a parameter) and
/// <c>{{ step.&lt;id&gt;.&lt;output&gt; }}</c>, with deeper dotted access into maps and lists.
/// A string that is exactly one template keeps the value's type; other strings are interpolated
/// with the invariant culture (booleans as <c>true</c>/<c>false</c>), or — for parameters whose
/// <see cref="Plugins.TemplateStyle"/> is Python — as Python's <c>str()</c> would (<c>True</c>, <c>None</c>).
/// </summary>
public sealed class TemplateResolver : ITemplateResolver
{
    public object? Resolve(object? value, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return value switch
        {
            null => null,
            string text => ResolveString(text, scope),
            IDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Resolve(e.Value, scope), StringComparer.Ordinal),
            IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Resolve(e.Value, scope), StringComparer.Ordinal),
            IList list => list.Cast<object?>().Select(item => Resolve(item, scope)).ToList(),
            _ => value,
        };
    }

    private static object? ResolveString(string text, TemplateScope scope)
    {
        if (!TemplateSyntax.ContainsTemplate(text)) return text;
        var python = scope.Style == Plugins.TemplateStyle.Python;
        if (TemplateSyntax.IsSingleTemplate(text, out var single))
            return single.Root == TemplateRoot.Literal ? text : Lookup(single, scope);
        return TemplateSyntax.Occurrence().Replace(text, m =>
        {
            var reference = TemplateSyntax.Parse(m.Groups[1].Value);
            // braces that are no reference (CSS in a Python f-string: {{ color: #333; }}) stay as written, as in v5
            if (reference.Root == TemplateRoot.Literal) return m.Value;
            var value = Lookup(reference, scope);
            return python ? PythonLiteral.Str(value) : Format(value);
        });
    }

    private static object? Lookup(TemplateReference reference, TemplateScope scope)
    {
        switch (reference.Root)
        {
            case TemplateRoot.Parameter when reference.Path.Count == 1 && scope.Credentials.TryGetValue(reference.Name, out var byParameter)
                                             && byParameter.TryGetValue(reference.Path[0], out var credentialField):
                return credentialField; // v5: {{ parameter.<credential parameter>.username }} reads the credential
            case TemplateRoot.Parameter or TemplateRoot.Bare:
                if (!scope.Parameters.TryGetValue(reference.Name, out var parameter))
                    throw Unknown(reference, $"parameter '{reference.Name}'");
                return Navigate(parameter, reference.Path, reference);
            case TemplateRoot.Variable when reference.Path.Count > 0 && !scope.Variables.ContainsKey(reference.Name)
                                            && scope.StepOutputs.ContainsKey(reference.Name):
                return Lookup(reference with { Root = TemplateRoot.Step }, scope); // v2 form of a step output
            case TemplateRoot.Variable:
                if (!scope.Variables.TryGetValue(reference.Name, out var variable))
                    throw Unknown(reference, $"variable '{reference.Name}'");
                return Navigate(variable, reference.Path, reference);
            case TemplateRoot.Credential:
                if (!scope.Credentials.TryGetValue(reference.Name, out var credential))
                    throw Unknown(reference, $"credential '{reference.Name}'");
                var field = reference.Path.Count > 0 ? reference.Path[0] : "password";
                return credential.TryGetValue(field, out var secret)
                    ? secret
                    : throw Unknown(reference, $"field '{field}' of credential '{reference.Name}'");
            case TemplateRoot.Step:
                if (!scope.StepOutputs.TryGetValue(reference.Name, out var outputs))
                    throw Unknown(reference, $"step '{reference.Name}' (it has not run yet or has no outputs)");
                if (!outputs.TryGetValue(reference.Path[0], out var output))
                    throw Unknown(reference, $"output '{reference.Path[0]}' of step '{reference.Name}'");
                return Navigate(output, reference.Path.Skip(1).ToList(), reference);
            default:
                throw new TemplateException(reference.Text, TemplateSyntax.InvalidReason(reference));
        }
    }

    private static object? Navigate(object? value, IReadOnlyList<string> path, TemplateReference reference)
    {
        foreach (var segment in path)
        {
            value = value switch
            {
                IDictionary<string, object?> map when map.TryGetValue(segment, out var v) => v,
                IReadOnlyDictionary<string, object?> map when map.TryGetValue(segment, out var v) => v,
                IDictionary map when map.Contains(segment) => map[segment],
                IList list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count => list[i],
                JsonElement { ValueKind: JsonValueKind.Object } json when json.TryGetProperty(segment, out var p) => p,
                JsonElement { ValueKind: JsonValueKind.Array } json
                    when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < json.GetArrayLength() => json[i],
                _ => throw Unknown(reference, $"'{segment}' in '{reference.Expression}'"),
            };
        }
        return Plugins.StepValues.Plain(value);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText(),
        IEnumerable => JsonSerializer.Serialize(value),
        _ => value.ToString() ?? "",
    };

    private static TemplateException Unknown(TemplateReference reference, string what) =>
        new(reference.Text, $"template '{reference.Text}' refers to unknown {what}");
}
