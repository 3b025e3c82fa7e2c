using IgnitionToolkit.Web.Api;

namespace IgnitionToolkit.Web.Extensions;

/// <summary>Plain HTTP downloads (no JavaScript needed): playbook export and execution artifacts, read from the API.</summary>
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
}
