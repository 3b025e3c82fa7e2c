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
        group.MapGet("/artifacts/{id:guid}/{**name}", async (Guid id, string name, bool? inline, RestClient rest) =>
        {
            var file = await rest.GetBytesAsync($"/api/v1/executions/{id}/artifacts/{PlaybooksApi.Encode(name)}");
            if (file is null) return Results.NotFound();
            return inline == true
                ? Results.File(file.Value.Content, file.Value.ContentType)
                : Results.File(file.Value.Content, file.Value.ContentType, Path.GetFileName(name));
        });
    }
}
