using IgnitionToolkit.Api.Options;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace IgnitionToolkit.Api.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>, mapped with the API) rendered as a browsable reference by
/// Scalar at <c>/scalar/v1</c>; <c>/scalar</c> redirects there.</summary>
public static class ApiReferenceExtensions
{
    public const string ReferencePath = "/scalar";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Reference) return app;
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("Ignition Toolkit API")
            .DisableDefaultFonts() // no fonts.scalar.com: the page works offline and within the API's CSP
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous(); // documentation only; calls made from it carry their own token
        return app;
    }
}
