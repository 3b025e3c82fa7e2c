using IgnitionToolkit.AppHost.Hosting;

namespace IgnitionToolkit.AppHost.Tests.Infrastructure;

/// <summary>A fact about behaviour without a container runtime; skipped (with the reason) where Docker answers.</summary>
public sealed class NoContainerRuntimeFactAttribute : FactAttribute
{
    public NoContainerRuntimeFactAttribute()
    {
        if (ContainerRuntimeProbe.IsAvailable(Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME")))
        {
            Skip = "A container runtime answers here, so the AppHost would start containers instead of failing.";
        }
    }
}
