using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Audit;

/// <summary>The filter that <see cref="AuditConventions.Audited"/> puts on one endpoint: after a successful (2xx)
/// result it records the declared entry, refined from the typed result. Refused calls are not audited.</summary>
internal sealed class AuditFilter(AuditedEndpoint audited) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var before = audited.Before is { } read ? await read(http) : null;
        var result = await next(context);
        var inner = Unwrap(result);
        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? http.Response.StatusCode;
        if (status is < 200 or > 299) return result;

        var target = audited.TargetRouteValue is { } key ? http.Request.RouteValues[key]?.ToString() : null;
        var entry = new AuditEntry(audited.Action, audited.TargetType, target, null);
        if (audited.Describe is { } describe) entry = describe(new AuditCall(context, entry, (inner as IValueHttpResult)?.Value, before));
        await http.RequestServices.GetRequiredService<AuditTrail>()
            .RecordAsync(entry.Action, entry.TargetType, entry.TargetId, entry.Detail, CancellationToken.None);
        return result;
    }

    private static object? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        return result;
    }
}
