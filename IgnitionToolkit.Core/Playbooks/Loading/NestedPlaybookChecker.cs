using IgnitionToolkit.Core.Playbooks.Templates;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Checks <c>playbook.run</c> steps: the child exists, is valid, is not part of a cycle, is within the
/// nesting limit, and receives every parameter it requires (from the step, or from a parameter or variable of the
/// caller with the same name: <paramref name="inherited"/>).</summary>
internal sealed class NestedPlaybookChecker(
    PlaybookLoader loader, IPlaybookSource source, NestingChain chain, DiagnosticBag bag, IReadOnlySet<string> inherited)
{
    public const string RunType = "playbook.run";
    public const string PlaybookParameter = "playbook";

    public void Check(StepDraft step)
    {
        if (step.CanonicalType != RunType || step.Parameters.GetValueOrDefault(PlaybookParameter) is not string reference)
            return;
        var field = $"{step.Field}.parameters.{PlaybookParameter}";
        var location = step.ParameterLocation(PlaybookParameter, bag.File);
        if (TemplateSyntax.ContainsTemplate(reference))
        {
            bag.Warning(location, field, $"nested playbook '{reference}' is chosen at run time and cannot be checked now");
            return;
        }
        var child = source.Find(reference, chain.Current);
        if (child is null)
        {
            bag.Error(location, field,
                $"nested playbook '{reference}' not found (looked in the playbook library and next to '{chain.Current}')");
            return;
        }
        var next = chain.Append(child.Path);
        if (chain.Contains(child.Path))
        {
            bag.Error(location, field, $"nested playbooks form a cycle: {next}");
            return;
        }
        if (next.Depth > loader.Options.MaxNestingDepth)
        {
            bag.Error(location, field, $"nested playbooks go deeper than {loader.Options.MaxNestingDepth} levels: {next}");
            return;
        }

        var key = next.ToString();
        if (!chain.Loaded.TryGetValue(key, out var result))
        {
            result = loader.LoadCore(child.Text, child.Path, source, next);
            chain.Loaded[key] = result;
            bag.Items.AddRange(result.Diagnostics);
        }
        if (result.Playbook is null) return;
        foreach (var parameter in result.Playbook.Parameters.Where(p => p.Required && p.Default is null))
        {
            if (!step.Parameters.ContainsKey(parameter.Name) && !inherited.Contains(parameter.Name))
                bag.Error(step.ParametersNode ?? step.Node, $"{step.Field}.parameters",
                    $"nested playbook '{child.Path}' requires parameter '{parameter.Name}' (declared at {child.Path}:{parameter.Location.Line}), " +
                    $"which step '{step.Id}' does not pass and this playbook has no parameter or variable of that name");
        }
        var declared = result.Playbook.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var passed in step.Parameters.Keys.Where(k => k != PlaybookParameter))
        {
            if (!declared.Contains(passed))
                bag.Warning(step.ParameterKeyNodes.GetValueOrDefault(passed) ?? step.ParametersNode ?? step.Node,
                    $"{step.Field}.parameters.{passed}",
                    $"nested playbook '{child.Path}' declares no parameter '{passed}'; the value is ignored");
        }
    }
}
