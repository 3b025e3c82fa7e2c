namespace IgnitionToolkit.Api.Fleet;

public static class FleetServiceExtensions
{
    /// <summary>Gateway inventory and fleet runs (docs/operations.md).</summary>
    public static WebApplicationBuilder AddToolkitFleet(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Gateways.GatewayInventory>();
        builder.Services.AddScoped<FleetRunCreator>();
        builder.Services.AddScoped<FleetRunAdvancer>();
        builder.Services.AddScoped<FleetRunQueries>();
        builder.Services.AddSingleton<FleetRunDriver>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FleetRunDriver>());
        return builder;
    }
}
