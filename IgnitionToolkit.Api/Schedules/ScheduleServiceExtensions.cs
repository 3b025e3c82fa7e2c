namespace IgnitionToolkit.Api.Schedules;

public static class ScheduleServiceExtensions
{
    /// <summary>Schedule endpoints' services and the scheduler (every instance runs it; see <see cref="Scheduler"/>).</summary>
    public static WebApplicationBuilder AddToolkitSchedules(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ScheduleOptions.From(builder.Configuration)); // read at start-up: a bad value stops the API
        builder.Services.AddScoped<ScheduleValidator>();
        builder.Services.AddScoped<ScheduleEditor>();
        builder.Services.AddScoped<ScheduleQueries>();
        builder.Services.AddScoped<ScheduleFiring>();
        builder.Services.AddSingleton<Scheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        return builder;
    }
}
