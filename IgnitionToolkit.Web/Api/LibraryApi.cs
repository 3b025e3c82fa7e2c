using IgnitionToolkit.Web.Api.Models;

namespace IgnitionToolkit.Web.Api;

/// <summary>The library endpoints: import (preview, then a choice per conflict), verification, copy and move, git sources.</summary>
public sealed class LibraryApi(RestClient rest)
{
    private static object Upload(string fileName, byte[] content, IReadOnlyDictionary<string, string>? resolutions = null) =>
        new { file_name = fileName, content = Convert.ToBase64String(content), resolutions };

    public Task<ApiResult<ImportPreviewModel>> PreviewImportAsync(string fileName, byte[] content) =>
        rest.PostAsync<ImportPreviewModel>("/api/v1/library/import/preview", Upload(fileName, content));

    public Task<ApiResult<ImportResultModel>> ImportAsync(string fileName, byte[] content, IReadOnlyDictionary<string, string> resolutions) =>
        rest.PostAsync<ImportResultModel>("/api/v1/library/import", Upload(fileName, content, resolutions));

    public Task<ApiResult<VerificationModel>> VerifyAsync(string path) =>
        rest.PostAsync<VerificationModel>("/api/v1/library/verifications/" + PlaybooksApi.Encode(path), null);

    public Task<ApiResult<bool>> UnverifyAsync(string path) => rest.DeleteAsync("/api/v1/library/verifications/" + PlaybooksApi.Encode(path));

    public Task<ApiResult<CopyMoveResultModel>> CopyAsync(string from, string to) =>
        rest.PostAsync<CopyMoveResultModel>("/api/v1/library/copy", new { from, to });

    public Task<ApiResult<CopyMoveResultModel>> MoveAsync(string from, string to) =>
        rest.PostAsync<CopyMoveResultModel>("/api/v1/library/move", new { from, to });

    public Task<ApiResult<List<LibrarySourceModel>>> SourcesAsync() => rest.GetAsync<List<LibrarySourceModel>>("/api/v1/library/sources");

    public Task<ApiResult<LibrarySourceModel>> AddSourceAsync(LibrarySourceInput i) => rest.PostAsync<LibrarySourceModel>("/api/v1/library/sources", new
    {
        name = i.Name, url = i.Url, branch = i.Branch, sub_folder = i.SubFolder, credential_name = i.CredentialName,
        pull_interval_minutes = i.PullIntervalMinutes, auto_update = i.AutoUpdate,
    });

    public Task<ApiResult<bool>> DeleteSourceAsync(string name) => rest.DeleteAsync("/api/v1/library/sources/" + Uri.EscapeDataString(name));

    /// <summary>Fetches: shows what changed upstream; the library keeps its revision.</summary>
    public Task<ApiResult<LibrarySourceModel>> FetchAsync(string name) =>
        rest.PostAsync<LibrarySourceModel>($"/api/v1/library/sources/{Uri.EscapeDataString(name)}/fetch", null);

    /// <summary>Fetches and moves the library to the upstream revision.</summary>
    public Task<ApiResult<LibrarySourceModel>> PullAsync(string name) =>
        rest.PostAsync<LibrarySourceModel>($"/api/v1/library/sources/{Uri.EscapeDataString(name)}/pull", null);

    public Task<ApiResult<UpstreamDiffModel>> DiffAsync(string name, string path) =>
        rest.GetAsync<UpstreamDiffModel>($"/api/v1/library/sources/{Uri.EscapeDataString(name)}/diff?path={Uri.EscapeDataString(path)}");
}
