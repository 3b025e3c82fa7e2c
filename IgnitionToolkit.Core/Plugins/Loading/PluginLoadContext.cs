using System.Reflection;
using System.Runtime.Loader;

namespace IgnitionToolkit.Core.Plugins.Loading;

/// <summary>Loads one third-party plugin assembly with its own dependencies, sharing the SDK (this assembly)
/// and everything the host already loaded, so plugin types implement the host's <see cref="IStepPlugin"/>.</summary>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(pluginPath), isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), assemblyName)) ||
            assemblyName.Name == typeof(IStepPlugin).Assembly.GetName().Name)
            return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
