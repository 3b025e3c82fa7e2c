using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Core.Plugins.Loading;

/// <summary>Finds step plugins: public concrete <see cref="IStepPlugin"/> types in the built-in assemblies and in
/// every assembly of the plugins folder (<c>&lt;plugins&gt;/*.dll</c> and <c>&lt;plugins&gt;/&lt;name&gt;/&lt;name&gt;.dll</c>).</summary>
public static class PluginDiscovery
{
    public static StepPluginRegistry CreateRegistry(IServiceProvider services, IEnumerable<Assembly> builtInAssemblies, string? pluginsDirectory)
    {
        var errors = new List<string>();
        var plugins = new List<IStepPlugin>();
        foreach (var assembly in builtInAssemblies.Distinct())
            plugins.AddRange(Instantiate(services, assembly, errors));
        foreach (var path in FindPluginAssemblies(pluginsDirectory))
        {
            try
            {
                var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
                var found = Instantiate(services, assembly, errors).ToList();
                if (found.Count == 0) errors.Add($"{path}: no step plugin (a public class implementing IStepPlugin) found");
                plugins.AddRange(found);
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
            {
                errors.Add($"{path}: cannot load plugin assembly: {ex.Message}");
            }
        }
        return new StepPluginRegistry(plugins, errors);
    }

    /// <summary>Main assemblies of the plugins folder: loose DLLs at the top, and in each sub-folder the DLL named like the folder.</summary>
    public static IEnumerable<string> FindPluginAssemblies(string? pluginsDirectory)
    {
        if (string.IsNullOrWhiteSpace(pluginsDirectory) || !Directory.Exists(pluginsDirectory)) yield break;
        foreach (var dll in Directory.EnumerateFiles(pluginsDirectory, "*.dll").Order(StringComparer.Ordinal))
            yield return dll;
        foreach (var dir in Directory.EnumerateDirectories(pluginsDirectory).Order(StringComparer.Ordinal))
        {
            var main = Path.Combine(dir, Path.GetFileName(dir) + ".dll");
            if (File.Exists(main)) yield return main;
        }
    }

    private static IEnumerable<IStepPlugin> Instantiate(IServiceProvider services, Assembly assembly, List<string> errors)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            errors.Add($"{assembly.GetName().Name}: {ex.Message}");
            yield break;
        }
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStepPlugin).IsAssignableFrom(t)))
        {
            IStepPlugin? plugin = null;
            try
            {
                plugin = (IStepPlugin)ActivatorUtilities.CreateInstance(services, type);
            }
            catch (Exception ex) when (ex is InvalidOperationException or MissingMethodException or TargetInvocationException)
            {
                errors.Add($"{type.FullName}: cannot create the plugin: {ex.Message}");
            }
            if (plugin is not null) yield return plugin;
        }
    }
}
