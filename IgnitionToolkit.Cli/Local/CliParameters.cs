using IgnitionToolkit.Hosting.Playbooks;
using System.Text.Json;
using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Cli.Local;

/// <summary>Reads a run's parameters from <c>--param-file</c> (JSON object) then <c>--param key=value</c> (which wins),
/// refuses names the playbook does not declare, and lets <see cref="PlaybookParameterBinder"/> type them, fill defaults
/// and check required ones. Every problem is collected, named after where the value came from.</summary>
public static class CliParameters
{
    /// <param name="fill">Parameters filled from a credential (<see cref="LocalCredentials"/>), asked with what was given; a given value wins.</param>
    public static IReadOnlyDictionary<string, object?> Bind(Playbook playbook, IReadOnlyList<string> pairs, string? paramFile, List<string> errors,
        Func<IReadOnlyDictionary<string, object?>, IEnumerable<IgnitionToolkit.Core.Plugins.FilledParameter>>? fill = null)
    {
        var declared = playbook.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var given = new Dictionary<string, object?>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);

        if (paramFile is not null)
        {
            try
            {
                foreach (var (name, value) in JsonValues.ParseObject(File.ReadAllText(paramFile)))
                    Set(name, value, $"{paramFile}: {name}");
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                errors.Add($"{paramFile}: error: {ex.Message}");
            }
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"--param {pair}: expected key=value");
                continue;
            }
            var name = pair[..equals].Trim();
            Set(name, pair[(equals + 1)..], $"--param {name}");
        }

        if (fill is not null)
        {
            foreach (var filled in fill(given)) given.TryAdd(filled.Parameter, filled.Value);
        }
        var bound = PlaybookParameterBinder.Bind(playbook, given);
        foreach (var problem in bound.Errors) errors.Add(Explain(problem));
        return bound.Values;

        void Set(string name, object? value, string origin)
        {
            if (!declared.Contains(name))
            {
                var known = declared.Count == 0 ? "the playbook declares none" : "declared: " + string.Join(", ", playbook.Parameters.Select(p => p.Name));
                errors.Add($"{origin}: unknown parameter ({known})");
                return;
            }
            given[name] = value;
            origins[name] = origin;
        }

        // The binder names the parameter first ("parameter 'x' ..."): say where the value came from, or how to give it.
        string Explain(string problem)
        {
            foreach (var parameter in playbook.Parameters)
            {
                if (!problem.StartsWith($"parameter '{parameter.Name}'", StringComparison.Ordinal)) continue;
                return origins.TryGetValue(parameter.Name, out var origin)
                    ? $"{origin}: {problem}"
                    : $"{problem}: give it with --param {parameter.Name}=...";
            }
            return problem;
        }
    }
}
