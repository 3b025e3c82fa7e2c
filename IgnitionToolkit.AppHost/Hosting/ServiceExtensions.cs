namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>The toolkit's own services: api, runner and web, each with an explicit HTTP endpoint and a health check.</summary>
public static class ServiceExtensions
{
    public const string HealthPath = "/health";

    public static IResourceBuilder<ProjectResource> AddToolkitApi(
        this IDistributedApplicationBuilder builder,
        ToolkitHostSettings settings,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        IResourceBuilder<IResourceWithConnectionString>? database)
    {
        var api = builder.AddToolkitProject<Projects.IgnitionToolkit_Api>("api", settings.ApiPort, settings)
            .WithDependency(messaging);
        if (database is not null)
        {
            api.WithDependency(database);
        }
        if (settings.ApiReplicas > 1)
        {
            api.WithReplicas(settings.ApiReplicas); // one proxied endpoint in front; state shared through the database and the broker
        }
        return api;
    }

    public static IResourceBuilder<ProjectResource> AddToolkitRunner(
        this IDistributedApplicationBuilder builder,
        ToolkitHostSettings settings,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        IResourceBuilder<ProjectResource> api) =>
        builder.AddToolkitProject<Projects.IgnitionToolkit_Runner>("runner", settings.RunnerPort, settings)
            .WithDependency(messaging)
            .WithReference(api)
            .WaitFor(api);

    public static IResourceBuilder<ProjectResource> AddToolkitWeb(
        this IDistributedApplicationBuilder builder,
        ToolkitHostSettings settings,
        IResourceBuilder<ProjectResource> api) =>
        builder.AddToolkitProject<Projects.IgnitionToolkit_Web>("web", settings.WebPort, settings)
            .WithReference(api)
            .WaitFor(api)
            .WithExternalHttpEndpoints();

    private static IResourceBuilder<ProjectResource> AddToolkitProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, int port, ToolkitHostSettings settings)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(port: port, name: "http")
            .WithHttpHealthCheck(HealthPath);
        foreach (var (key, value) in settings.PassThrough)
        {
            project.WithEnvironment(key, value);
        }
        return project;
    }

    /// <summary>Connection string reference, started only once the server is healthy (container, or reachable external server).</summary>
    private static IResourceBuilder<ProjectResource> WithDependency(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> server) =>
        project.WithReference(server).WaitFor(server);
}
