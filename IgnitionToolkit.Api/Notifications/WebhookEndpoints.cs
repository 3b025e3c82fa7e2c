using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Notifications;

/// <summary><c>/api/v1/webhooks</c>: list, get, create, change, delete, send a test, and the delivery log. Writes need
/// <c>admin</c> (<see cref="AccessPolicies.RequireAdmin"/>) and are audited; no response carries a webhook's secret or full URL.</summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks").RequireViewer(); // reads show no secret and no full URL
        group.MapGet("/", async (WebhookStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct))).WithName("ListWebhooks");
        group.MapGet("/kinds", () => TypedResults.Ok(new WebhookOptionsDto(NotificationKinds.All, PayloadPresets.All))).WithName("ListWebhookKinds");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook").RequireAdmin()
            .Audited<WebhookDto>("webhook.created", "webhook", c => c.Entry with { TargetId = c.Value.Id.ToString() });
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhook").RequireAdmin()
            .Audited("webhook.changed", "webhook", targetRouteValue: "id");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").RequireAdmin()
            .Audited("webhook.deleted", "webhook", targetRouteValue: "id");
        group.MapPost("/{id:guid}/test", TestAsync).WithName("TestWebhook").RequireAdmin()
            .Audited("webhook.tested", "webhook", targetRouteValue: "id");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries");
        return api;
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> GetAsync(Guid id, WebhookStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } record ? TypedResults.Ok(await store.ToDtoAsync(record, ct)) : NotFound(id);

    private static async Task<Results<Created<WebhookDto>, ProblemHttpResult>> CreateAsync(WebhookRequest request, WebhookStore store, CancellationToken ct)
    {
        var (record, problem) = await store.SaveAsync(null, request, ct);
        if (problem is not null) return problem;
        return TypedResults.Created($"/api/v1/webhooks/{record!.Id:D}", await store.ToDtoAsync(record, ct));
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> UpdateAsync(Guid id, WebhookRequest request, WebhookStore store, CancellationToken ct)
    {
        var existing = await store.FindAsync(id, ct);
        if (existing is null) return NotFound(id);
        var (record, problem) = await store.SaveAsync(existing, request, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(await store.ToDtoAsync(record!, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, WebhookStore store, CancellationToken ct)
    {
        var record = await store.FindAsync(id, ct);
        if (record is null) return NotFound(id);
        await store.DeleteAsync(record, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Sends a <c>test</c> notification now (whatever the webhook's kinds and filters, even disabled) and answers
    /// with the delivery: its status and every attempt.</summary>
    private static async Task<Results<Ok<WebhookDeliveryDto>, ProblemHttpResult>> TestAsync(
        Guid id, WebhookStore store, NotificationPublisher publisher, WebhookSender sender, CurrentUser user, Persistence.ToolkitDbContext db,
        NotificationOptions options, CancellationToken ct)
    {
        var webhook = await store.FindAsync(id, ct);
        if (webhook is null) return NotFound(id);
        var notification = new NotificationEvent(NotificationKinds.Test, $"test:{Guid.NewGuid():N}", DateTimeOffset.UtcNow,
            "Ignition Toolkit test notification", $"A test of the webhook '{webhook.Name}', sent by {user.Name}.", NotificationScope.None,
            [new NotificationFact("Webhook", webhook.Name), new NotificationFact("Sent by", user.Name)],
            options.WebBaseUrl is { } web ? [new NotificationLink("web", "Open the toolkit", new Uri(web, "notifications").ToString())] : [],
            new TestNotificationPayload(webhook.Id, webhook.Name, user.Name));
        var delivery = publisher.NewDelivery(webhook, notification);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        await sender.DeliverAsync(delivery.Id, ct);
        return TypedResults.Ok((await store.DeliveryAsync(delivery.Id, ct))!);
    }

    private static async Task<Results<Ok<PagedResponse<WebhookDeliveryDto>>, ProblemHttpResult>> DeliveriesAsync(
        Guid id, WebhookStore store, int? page, int? pageSize, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is null) return NotFound(id);
        var p = page ?? 1;
        var size = pageSize ?? 20;
        if (p < 1) return ApiProblems.BadRequest("page must be 1 or more", "page");
        if (size is < 1 or > 100) return ApiProblems.BadRequest("pageSize must be between 1 and 100", "pageSize");
        var (items, total) = await store.DeliveriesAsync(id, p, size, ct);
        return TypedResults.Ok(new PagedResponse<WebhookDeliveryDto>(items, p, size, total, (int)Math.Ceiling(total / (double)size)));
    }

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound($"webhook {id} does not exist");
}
