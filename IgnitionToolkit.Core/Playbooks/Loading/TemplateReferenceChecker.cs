using IgnitionToolkit.Core.Playbooks.Templates;
using IgnitionToolkit.Core.Playbooks.Yaml;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Checks every template in step parameters refers to something that exists at that point:
/// a declared parameter, a variable set by an earlier <c>utility.set_variable</c>, an earlier step's declared output.
/// After a step that sets variables known only at run time (<c>utility.python</c>), unknown variables are warnings;
/// undeclared outputs of a step with run-time outputs are warnings too.</summary>
internal sealed class TemplateReferenceChecker(PlaybookDraft draft, DiagnosticBag bag)
{
    public const string SetVariableType = "utility.set_variable";

    private readonly HashSet<string> _parameters = draft.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StepDraft> _earlierSteps = new(StringComparer.Ordinal);
    private StepDraft? _runTimeVariableStep;

    public void CheckAll()
    {
        foreach (var step in draft.Steps)
        {
            foreach (var (name, node) in step.ParameterNodes)
                Scan(node, $"{step.Field}.parameters.{name}", IsPythonSource(step, name));
            if (step.CanonicalType == SetVariableType && step.Parameters.GetValueOrDefault("name") is string variable
                && !TemplateSyntax.ContainsTemplate(variable))
                _variables.Add(variable);
            if (step.Descriptor is { SetsRunTimeVariables: true }) _runTimeVariableStep ??= step;
            if (!string.IsNullOrEmpty(step.Id)) _earlierSteps.TryAdd(step.Id, step);
        }
    }

    /// <summary>Python source keeps braces that are no reference as written (see <see cref="TemplateResolver"/>);
    /// a message written in Python style (<c>utility.log</c>) is no source, so stray braces there still warn.</summary>
    private static bool IsPythonSource(StepDraft step, string parameter) =>
        step.Descriptor is { Type: Plugins.BuiltIn.Python.PythonStep.TypeName } descriptor
        && descriptor.Parameters.FirstOrDefault(p => p.Name == parameter)?.TemplateStyle == TemplateStyle.Python;

    private void Scan(YamlValueNode node, string field, bool pythonSource = false)
    {
        if (node.IsScalar)
        {
            if (!node.Text.Contains("{{", StringComparison.Ordinal)) return;
            foreach (var reference in TemplateSyntax.FindAll(node.Text))
            {
                if (reference.Root == TemplateRoot.Literal)
                {
                    if (!pythonSource) // expected in scripts (f-strings with CSS); elsewhere likely a typo
                        bag.Warning(node, field, $"'{reference.Text}' is not a template reference and is kept as text " +
                            "(write parameter.x, variable.x, credential.name.field or step.<id>.<output> to substitute a value)");
                    continue;
                }
                if (IsV2StepVariable(reference))
                    bag.Warning(node, field, $"'{reference.Text}' reads step '{reference.Name}' through the deprecated v2 form; " +
                        $"write {{{{ step.{reference.Name}.{string.Join('.', reference.Path)} }}}}");
                var finding = IsV2StepVariable(reference)
                    ? StepProblem(reference with { Root = TemplateRoot.Step })
                    : Problem(reference);
                if (finding is { Warning: true }) bag.Warning(node, field, finding.Message);
                else if (finding is not null) bag.Error(node, field, finding.Message);
            }
            return;
        }
        foreach (var item in node.Items) Scan(item, field, pythonSource);
        foreach (var (key, value) in node.Entries) Scan(value, $"{field}.{key.Text}", pythonSource);
    }

    /// <summary>v2 stored step results as variables named after the step: <c>{{ variable.&lt;step id&gt;.&lt;output&gt; }}</c>.</summary>
    private bool IsV2StepVariable(TemplateReference reference) =>
        reference.Root == TemplateRoot.Variable && reference.Path.Count > 0
        && !_variables.Contains(reference.Name) && _earlierSteps.ContainsKey(reference.Name);

    /// <summary>A problem with a reference; a warning when it may be fine at run time.</summary>
    private sealed record Finding(string Message, bool Warning = false)
    {
        public static implicit operator Finding?(string? message) => message is null ? null : new Finding(message);
    }

    private Finding? Problem(TemplateReference reference) => reference.Root switch
    {
        TemplateRoot.Parameter => ParameterProblem(reference),
        TemplateRoot.Bare when _parameters.Contains(reference.Name) => null,
        TemplateRoot.Bare when reference.Path.Count > 0 =>
            $"'{reference.Text}': unknown template root '{reference.Name}'; use parameter., variable., credential. or step.",
        TemplateRoot.Bare => ParameterProblem(reference),
        TemplateRoot.Variable => VariableProblem(reference),
        TemplateRoot.Step => StepProblem(reference),
        TemplateRoot.Credential => null,
        _ => TemplateSyntax.InvalidReason(reference),
    };

    private string? ParameterProblem(TemplateReference reference)
    {
        if (_parameters.Contains(reference.Name)) return null;
        var closest = Suggestions.Closest(reference.Name, _parameters);
        var declared = _parameters.Count == 0 ? "this playbook declares no parameters"
            : $"declared parameters: {string.Join(", ", _parameters)}";
        return $"'{reference.Text}' refers to unknown parameter '{reference.Name}'" +
               $"{(closest is null ? "" : $" (did you mean '{closest}'?)")}; {declared}";
    }

    private Finding? VariableProblem(TemplateReference reference)
    {
        if (_variables.Contains(reference.Name)) return null;
        if (_runTimeVariableStep is { } setter)
            return new Finding($"'{reference.Text}': variable '{reference.Name}' is not set by an earlier {SetVariableType} step; " +
                   $"step '{setter.Id}' ({setter.CanonicalType}) may set it at run time, which cannot be checked before the run", Warning: true);
        var hint = _earlierSteps.ContainsKey(reference.Name)
            ? $"; to use the outputs of step '{reference.Name}' write {{{{ step.{reference.Name}.<output> }}}}"
            : "";
        return $"'{reference.Text}' refers to unknown variable '{reference.Name}': variables must be set by an earlier " +
               $"{SetVariableType} step with name: {reference.Name}{hint}";
    }

    private Finding? StepProblem(TemplateReference reference)
    {
        if (!_earlierSteps.TryGetValue(reference.Name, out var step))
        {
            var later = draft.Steps.Any(s => s.Id == reference.Name);
            return $"'{reference.Text}' refers to step '{reference.Name}', " +
                   (later ? "which has not run yet at this point (only earlier steps' outputs can be used)"
                          : "which is not a step of this playbook");
        }
        if (step.Descriptor is not { } descriptor) return null;
        var output = reference.Path[0];
        if (descriptor.OutputList.Any(o => o.Name == output)) return null;
        if (descriptor.HasRunTimeOutputs)
            return new Finding($"'{reference.Text}': step '{step.Id}' ({descriptor.Type}) does not declare output '{output}'; " +
                   "it may produce it at run time, which cannot be checked before the run", Warning: true);
        return descriptor.OutputList.Count == 0
            ? $"'{reference.Text}': step '{step.Id}' ({descriptor.Type}) produces no outputs"
            : $"'{reference.Text}': step '{step.Id}' ({descriptor.Type}) has no output '{output}'; its outputs are: " +
              string.Join(", ", descriptor.OutputList.Select(o => o.Name));
    }
}
