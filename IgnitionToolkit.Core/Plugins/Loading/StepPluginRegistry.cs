namespace IgnitionToolkit.Core.Plugins.Loading;

/// <summary>The step catalogue: canonical types and deprecated aliases of all loaded plugins.</summary>
public sealed class StepPluginRegistry : IStepCatalog
{
    private readonly Dictionary<string, IStepPlugin> _plugins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IStepPlugin Plugin, StepTypeAlias Alias)> _aliases = new(StringComparer.Ordinal);

    public StepPluginRegistry(IEnumerable<IStepPlugin> plugins, IReadOnlyList<string>? loadErrors = null)
    {
        var errors = new List<string>(loadErrors ?? []);
        foreach (var plugin in plugins)
        {
            var type = plugin.Descriptor.Type;
            if (!_plugins.TryAdd(type, plugin))
            {
                errors.Add($"step type '{type}' from {plugin.GetType().FullName} is already provided by {_plugins[type].GetType().FullName}; ignored");
                continue;
            }
            foreach (var alias in plugin.Descriptor.AliasList)
            {
                if (!_aliases.TryAdd(alias.Name, (plugin, alias)))
                    errors.Add($"alias '{alias.Name}' of '{type}' is already used; ignored");
            }
        }
        LoadErrors = errors;
    }

    public IReadOnlyCollection<StepTypeDescriptor> Descriptors => [.. _plugins.Values.Select(p => p.Descriptor).OrderBy(d => d.Type, StringComparer.Ordinal)];

    /// <summary>Problems met while loading plugins (bad assemblies, duplicate types); shown by the API and the CLI.</summary>
    public IReadOnlyList<string> LoadErrors { get; }

    public StepTypeLookup Lookup(string typeName)
    {
        if (_plugins.TryGetValue(typeName, out var plugin)) return new StepTypeLookup(plugin.Descriptor, null);
        if (_aliases.TryGetValue(typeName, out var alias)) return new StepTypeLookup(alias.Plugin.Descriptor, alias.Alias);
        return new StepTypeLookup(null, null);
    }

    public IStepPlugin? GetPlugin(string canonicalType) => _plugins.GetValueOrDefault(canonicalType);
}
