using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Playbooks.Loading;

/// <summary>Resolves a step's written type through the catalogue: unknown names are errors with a suggestion;
/// deprecated aliases become the canonical type with a warning, their parameters renamed and transformed.</summary>
internal static class StepTypeResolver
{
    public static void Resolve(StepDraft step, IStepCatalog catalog, DiagnosticBag bag)
    {
        if (string.IsNullOrWhiteSpace(step.WrittenType)) return;
        var lookup = catalog.Lookup(step.WrittenType);
        if (lookup.Descriptor is not { } descriptor)
        {
            bag.Error(step.TypeNode, step.Field + ".type", UnknownTypeMessage(step.WrittenType, catalog));
            return;
        }
        step.Descriptor = descriptor;
        step.CanonicalType = descriptor.Type;
        if (lookup.Alias is { } alias) ApplyAlias(step, alias, descriptor, bag);
        if (descriptor.DisabledReason is { } disabled)
            bag.Error(step.TypeNode, step.Field + ".type", $"step type '{descriptor.Type}' is disabled on this deployment: {disabled}");
        foreach (var (other, name) in descriptor.ParameterAliases ?? new Dictionary<string, string>())
            RenameParameter(step, other, name, bag);
    }

    /// <summary>Accepts <paramref name="other"/> as another name of parameter <paramref name="name"/> (both given is an error).</summary>
    private static void RenameParameter(StepDraft step, string other, string name, DiagnosticBag bag)
    {
        if (!step.Parameters.ContainsKey(other)) return;
        if (step.Parameters.ContainsKey(name))
        {
            bag.Error(step.ParameterKeyNodes.GetValueOrDefault(other), $"{step.Field}.parameters.{other}",
                $"'{other}' is another name of '{name}', which is also given; keep only one");
            step.Parameters.Remove(other); // reported once, not again as an unknown parameter
            return;
        }
        step.Parameters.Remove(other, out var value);
        step.Parameters[name] = value;
        Move(step.ParameterNodes, other, name);
        Move(step.ParameterKeyNodes, other, name);
    }

    public static string UnknownTypeMessage(string written, IStepCatalog catalog)
    {
        var names = catalog.Descriptors.Select(d => d.Type).OrderBy(t => t, StringComparer.Ordinal).ToList();
        var aliases = catalog.Descriptors.SelectMany(d => d.AliasList.Select(a => (a.Name, d.Type))).ToList();
        var closest = Suggestions.Closest(written, names.Concat(aliases.Select(a => a.Name)));
        var canonical = aliases.FirstOrDefault(a => a.Name == closest).Type ?? closest;
        var hint = canonical is null ? "" : $" (did you mean '{canonical}'?)";
        return $"unknown step type '{written}'{hint}. Valid types: {string.Join(", ", names)}";
    }

    private static void ApplyAlias(StepDraft step, StepTypeAlias alias, StepTypeDescriptor descriptor, DiagnosticBag bag)
    {
        bag.Warning(step.TypeNode, step.Field + ".type", $"'{alias.Name}' is deprecated; use '{descriptor.Type}'");
        foreach (var (oldName, newName) in alias.ParameterMap ?? new Dictionary<string, string>())
        {
            if (!step.Parameters.Remove(oldName, out var value)) continue;
            if (step.Parameters.ContainsKey(newName))
            {
                bag.Error(step.ParameterKeyNodes.GetValueOrDefault(oldName), $"{step.Field}.parameters.{oldName}",
                    $"'{oldName}' is the old name of '{newName}', which is also given; keep only '{newName}'");
                continue;
            }
            step.Parameters[newName] = value;
            Move(step.ParameterNodes, oldName, newName);
            Move(step.ParameterKeyNodes, oldName, newName);
        }
        foreach (var note in alias.Notes?.Invoke(step.Parameters) ?? [])
            bag.Warning(step.ParameterNodes.GetValueOrDefault(note.Parameter) ?? step.ParametersNode ?? step.Node,
                $"{step.Field}.parameters.{note.Parameter}", note.Message);
        if (alias.Transform is null) return;
        try
        {
            step.Parameters = new Dictionary<string, object?>(alias.Transform(step.Parameters), StringComparer.Ordinal);
        }
        catch (Exception ex) // a plugin's conversion must not break validation
        {
            bag.Error(step.ParametersNode ?? step.Node, step.Field + ".parameters",
                $"parameters of deprecated '{alias.Name}' could not be converted to '{descriptor.Type}': {ex.Message}");
        }
    }

    private static void Move<T>(Dictionary<string, T> map, string from, string to)
    {
        if (map.Remove(from, out var value)) map[to] = value;
    }
}
