namespace IgnitionToolkit.Api.Retention;

public static class RetentionServiceExtensions
{
    /// <summary>History retention (<c>Toolkit:Retention</c>, docs/operations.md "History retention").</summary>
    public static WebApplicationBuilder AddToolkitRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ExecutionRetentionOptions.From(builder.Configuration));
        builder.Services.AddSingleton<ExecutionRetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ExecutionRetentionService>());
        return builder;
    }
}
