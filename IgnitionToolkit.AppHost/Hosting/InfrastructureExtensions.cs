using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>
/// Messaging (RabbitMQ) and the optional PostgreSQL database. A configured connection string always wins; otherwise
/// a container is used when a container runtime answers (or when publishing a manifest); otherwise the AppHost stops
/// with a message that says how to provide the server.
/// </summary>
public static class InfrastructureExtensions
{
    public static IResourceBuilder<IResourceWithConnectionString> AddToolkitMessaging(
        this IDistributedApplicationBuilder builder, ToolkitHostSettings settings)
    {
        if (settings.MessagingConnectionString is not null)
        {
            return builder.AddExternalServer(ToolkitHostSettings.MessagingName,
                ExternalServerHealthCheck.ForAmqp(settings.MessagingConnectionString));
        }
        EnsureContainersUsable(builder, settings,
            "RabbitMQ", "ConnectionStrings__messaging=amqp://guest:guest@127.0.0.1:5672", "make start");
        return builder.AddRabbitMQ(ToolkitHostSettings.MessagingName).WithManagementPlugin();
    }

    /// <returns>The <c>toolkitdb</c> resource, or null when the API uses its own SQLite file.</returns>
    public static IResourceBuilder<IResourceWithConnectionString>? AddToolkitDatabase(
        this IDistributedApplicationBuilder builder, ToolkitHostSettings settings)
    {
        if (!settings.UsesPostgres)
        {
            return null;
        }
        if (settings.DatabaseConnectionString is not null)
        {
            return builder.AddExternalServer(ToolkitHostSettings.DatabaseName,
                ExternalServerHealthCheck.ForPostgres(settings.DatabaseConnectionString));
        }
        EnsureContainersUsable(builder, settings, "PostgreSQL",
            "ConnectionStrings__toolkitdb=\"Host=127.0.0.1;Port=5432;Database=ignition_toolkit;Username=postgres;Password=postgres\"",
            "make start DB=postgres");
        return builder.AddPostgres("postgres").WithDataVolume().AddDatabase(ToolkitHostSettings.DatabaseName, "ignition_toolkit");
    }

    /// <summary>A server given as a connection string, with a reachability health check of its own.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddExternalServer(
        this IDistributedApplicationBuilder builder, string name, ExternalServerHealthCheck check)
    {
        var key = $"{name}-reachable";
        builder.Services.AddHealthChecks().AddCheck(key, check);
        return builder.AddConnectionString(name).WithHealthCheck(key);
    }

    private static void EnsureContainersUsable(
        IDistributedApplicationBuilder builder, ToolkitHostSettings settings, string server, string setting, string command)
    {
        if (settings.IsPublishMode || ContainerRuntimeProbe.IsAvailable(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]))
        {
            return;
        }
        throw new ToolkitHostingException(
            $"No container runtime answers ('docker info' failed), so the AppHost cannot start a {server} container. " +
            $"Run '{command}' (installs and starts {server} locally and passes its connection string), " +
            $"or set {setting} to an existing server.");
    }
}
