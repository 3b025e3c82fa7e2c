using Microsoft.Extensions.Configuration;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>
/// Demo mode (<c>Toolkit:Demo=true</c>, <c>make start DEMO=1</c>): adds the Ignition gateway simulator as the resource
/// <c>gateway</c> (http://127.0.0.1:8088 by default, <c>Toolkit:Ports:Gateway</c>) and tells the API to keep a
/// <c>demo-gateway</c> credential (admin / password at the simulator's URL). See docs/demo-mode.md.
/// </summary>
public static class DemoModeExtensions
{
    public const string ResourceName = "gateway";

    public static bool IsDemo(this IDistributedApplicationBuilder builder) => builder.Configuration.GetValue("Toolkit:Demo", false);

    public static IResourceBuilder<ProjectResource>? AddToolkitDemo(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> api)
    {
        if (!builder.IsDemo()) return null;
        var raw = builder.Configuration["Toolkit:Ports:Gateway"];
        var port = string.IsNullOrWhiteSpace(raw) ? 8088
            : int.TryParse(raw, out var p) && p is > 0 and < 65536 ? p
            : throw new ToolkitHostingException($"Toolkit:Ports:Gateway is '{raw}'; expected a TCP port number (1-65535).");

        var gateway = builder.AddProject<Projects.IgnitionToolkit_GatewaySimulator>(ResourceName, o => o.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(port: port, name: "http")
            .WithHttpHealthCheck("/health")
            .WithExternalHttpEndpoints();
        api.WithEnvironment("Toolkit__Demo", "true")
            .WithEnvironment("Toolkit__DemoGatewayUrl", gateway.GetEndpoint("http"));
        return gateway;
    }
}
