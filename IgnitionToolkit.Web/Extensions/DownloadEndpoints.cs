using IgnitionToolkit.Web.Api;

namespace IgnitionToolkit.Web.Extensions;

/// <summary>Plain HTTP downloads (no JavaScript needed): playbook export, execution export and reports, execution artifacts
/// and baseline pictures, read from the API.</summary>
public static class DownloadEndpoints
{
    public static void MapDownloads(this WebApplication app)
    {
        var group = app.MapGroup("/download").RequireAuthorization();
        group.MapGet("/playbooks/{**path}", async (string path, PlaybooksApi playbooks) =>
        {
            var result = await playbooks.GetAsync(path);
            return result.Ok
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(result.Value!.Yaml), "application/yaml", Path.GetFileName(path))
                : Results.Problem(statusCode: result.Problem!.Status == 0 ? 502 : result.Problem.Status, title: result.Problem.Message);
        });
        // Zip exports of the library (one playbook, a folder or all) and an execution as JSON, streamed from the API.
        group.MapGet("/library/export", (string? path, string? folder, RestClient rest, HttpContext context) =>
            StreamAsync($"/api/v1/library/export?path={Uri.EscapeDataString(path ?? "")}&folder={Uri.EscapeDataString(folder ?? "")}", rest, context));
        group.MapGet("/executions/{id:guid}/export", (Guid id, RestClient rest, HttpContext context) => StreamAsync($"/api/v1/executions/{id}/export", rest, context));
        // The execution's JUnit or HTML report (the API's /report, built by the command line's writers).
        group.MapGet("/executions/{id:guid}/report", (Guid id, string? format, RestClient rest, HttpContext context) =>
            StreamAsync($"/api/v1/executions/{id}/report?format={Uri.EscapeDataString(format ?? "junit")}", rest, context));
        // A screenshot baseline's picture (approved, pending or earlier), shown inline on the Baselines page.
        group.MapGet("/baselines/image", (string? playbook, string? key, string? version, RestClient rest, HttpContext context) =>
            InlineAsync($"/api/v1/baselines/image?playbook={Uri.EscapeDataString(playbook ?? "")}&key={Uri.EscapeDataString(key ?? "")}"
                + $"&version={Uri.EscapeDataString(version ?? "approved")}", rest, context));
        group.MapGet("/artifacts/{id:guid}/{**name}", async (Guid id, string name, bool? inline, RestClient rest, HttpContext context) =>
        {
            // Streamed from the API to the browser, never held in memory.
            var response = await rest.OpenAsync($"/api/v1/executions/{id}/artifacts/{PlaybooksApi.Encode(name)}", context.RequestAborted);
            if (response is null) return Results.NotFound();
            context.Response.RegisterForDispose(response);
            if (response.Content.Headers.ContentLength is { } length) context.Response.ContentLength = length;
            var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            return inline == true ? Results.Stream(stream, type) : Results.Stream(stream, type, Path.GetFileName(name));
        });
    }

    private static async Task<IResult> InlineAsync(string apiPath, RestClient rest, HttpContext context)
    {
        var response = await rest.OpenAsync(apiPath, context.RequestAborted);
        if (response is null) return Results.NotFound();
        context.Response.RegisterForDispose(response);
        var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        return Results.Stream(stream, response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream");
    }

    private static async Task<IResult> StreamAsync(string apiPath, RestClient rest, HttpContext context)
    {
        var response = await rest.OpenAsync(apiPath, context.RequestAborted);
        if (response is null) return Results.NotFound();
        context.Response.RegisterForDispose(response);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "export";
        var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        return Results.Stream(stream, response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}
