using System.Text.Json;
using IgnitionToolkit.Contracts.Bus;
using IgnitionToolkit.Contracts.Live;
using MassTransit;

namespace IgnitionToolkit.Api.Live;

/// <summary>The live hub: SignalR and the browser-frame relay (applied events reach it through <c>Cluster.LiveEventsConsumer</c>).</summary>
public static class LiveExtensions
{
    public const string HubPath = LiveHub.Path;
    public const string FramesQueueName = "toolkit-api-frames";

    public static WebApplicationBuilder AddToolkitLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR()
            // the bus's convention (camelCase, statuses as wire names from the contracts' attributes): see Contracts.Events.ContractJson
            .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        return builder;
    }

    /// <summary>Maps the hub; the returned builder is the one place to add <c>RequireAuthorization</c>.</summary>
    public static HubEndpointConventionBuilder MapToolkitLive(this IEndpointRouteBuilder app) =>
        app.MapHub<ExecutionsHub>(HubPath);

    /// <summary>Each API instance reads every frame through its own temporary (auto-delete) queue.</summary>
    public static void AddToolkitLiveConsumers(this IBusRegistrationConfigurator bus, string? prefix)
    {
        var queue = $"{BusEndpoints.EntityPrefix(prefix)}{FramesQueueName}-{Guid.NewGuid():N}";
        bus.AddConsumer<BrowserFrameConsumer>().Endpoint(e =>
        {
            e.Name = queue;
            e.Temporary = true;
        });
    }
}
