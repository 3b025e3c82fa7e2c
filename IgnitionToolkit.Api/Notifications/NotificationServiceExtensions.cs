using IgnitionToolkit.Api.Executions.Projection;

namespace IgnitionToolkit.Api.Notifications;

public static class NotificationServiceExtensions
{
    /// <summary>Webhooks: the publisher other features call, the execution hook, the sender and its HTTP client.</summary>
    public static WebApplicationBuilder AddToolkitNotifications(this WebApplicationBuilder builder)
    {
        var options = NotificationOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<NotificationPublisher>();
        services.AddSingleton<INotificationPublisher>(sp => sp.GetRequiredService<NotificationPublisher>());
        services.AddSingleton<ExecutionOutcomes>();
        services.AddSingleton<IExecutionEventNotifier, ExecutionOutcomeNotifier>(); // runs where the event is applied: one instance
        services.AddHostedService<ExecutionNotificationWorker>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        services.AddScoped<WebhookStore>();
        services.AddWebhookHttpClient(options);
        return builder;
    }
}
