using IgnitionToolkit.Api.Playbooks;

namespace IgnitionToolkit.Api.Audit;

/// <summary>One filter on the <c>/api/v1</c> group: after a successful (2xx) call of an endpoint listed in
/// <see cref="AuditActions"/>, records who did it to which target. Request bodies are never copied (no secrets).</summary>
public sealed class AuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (name is null || !AuditActions.ByEndpoint.TryGetValue(name, out var rule)) return await next(context);
        var before = name == "UpdatePlaybook" ? await PlaybookStateAsync(context) : null;

        var result = await next(context);
        var status = StatusOf(result) ?? http.Response.StatusCode;
        if (status is < 200 or > 299) return result;

        var values = http.Request.RouteValues;
        var target = rule.RouteKey is { } key ? values[key]?.ToString() : TargetFromLocation(result);
        var action = rule.Action.Replace("{command}", values["command"]?.ToString()?.Replace('-', '_') ?? "", StringComparison.Ordinal);
        string? detail = null;
        if (name == "StartExecution") detail = Argument<Executions.StartExecutionRequest>(context)?.Playbook is { } p ? $"playbook {p}" : null;
        if (name == "UpdatePlaybook" && before is { } wasEnabled && await PlaybookStateAsync(context) is { } isEnabled && wasEnabled != isEnabled)
            action = isEnabled ? "playbook.enabled" : "playbook.disabled";
        if (name == "CreatePlaybook" && Argument<CreatePlaybookRequest>(context)?.Path is { } created
            && (http.Request.Query.ContainsKey("import") || created.StartsWith("imported/", StringComparison.Ordinal)))
            action = "playbook.imported";
        if (name is "CreateUser" or "UpdateUser") detail = UserDetail(context);

        var audit = http.RequestServices.GetRequiredService<AuditTrail>();
        await audit.RecordAsync(action, rule.TargetType, target, detail, CancellationToken.None);
        return result;
    }

    private static T? Argument<T>(EndpointFilterInvocationContext context) where T : class => context.Arguments.OfType<T>().FirstOrDefault();

    private static string? UserDetail(EndpointFilterInvocationContext context) =>
        context.Arguments.OfType<Users.UserRequest>().FirstOrDefault() is { } r
            ? string.Join(", ", new[] { r.Role is null ? null : $"role {r.Role}", r.Password is null ? null : "password set" }.Where(s => s is not null))
            : null;

    /// <summary>Whether the playbook named by the route is enabled (null: unknown).</summary>
    private static async Task<bool?> PlaybookStateAsync(EndpointFilterInvocationContext context)
    {
        var library = context.HttpContext.RequestServices.GetRequiredService<PlaybookLibrary>();
        var path = context.Arguments.Count > 0 ? context.Arguments[0] as string : null; // UpdatePlaybook(string path, ...)
        if (path is null || library.TryNormalize(path, out var relative) is not null || !library.Exists(relative)) return null;
        var validator = context.HttpContext.RequestServices.GetRequiredService<PlaybookValidator>();
        var loaded = await validator.LoadFileAsync(relative, CancellationToken.None);
        return loaded?.Result.Playbook is { } playbook ? !PlaybookDtoMapping.IsDisabled(playbook.Metadata) : null;
    }

    private static int? StatusOf(object? result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        return (result as IStatusCodeHttpResult)?.StatusCode;
    }

    private static string? TargetFromLocation(object? result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        if (location is null) return null;
        foreach (var prefix in new[] { "/api/v1/executions/", "/api/v1/playbooks/", "/api/v1/credentials/", "/api/v1/users/", "/api/v1/schedules/" })
            if (location.StartsWith(prefix, StringComparison.Ordinal)) return Uri.UnescapeDataString(location[prefix.Length..]);
        return location;
    }
}
