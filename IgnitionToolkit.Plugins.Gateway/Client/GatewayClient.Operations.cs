using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>Mutating calls and file transfers. None of them is retried by the HTTP pipeline (they are POSTs or streams).</summary>
public sealed partial class GatewayClient
{
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        var uptime = await UptimeAsync(cancellationToken);
        await PostAsync(ApiPrefix + "/restart-tasks/restart?confirm=true", null, "restart the gateway", cancellationToken);
        PendingRestart = new RestartMark(DateTimeOffset.UtcNow, uptime);
    }

    /// <summary>Starts the backup download; the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> DownloadBackupAsync(bool includePeerLocal, CancellationToken cancellationToken)
    {
        const string op = "download a gateway backup";
        var path = ApiPrefix + "/backup" + (includePeerLocal ? "?includePeerLocal=true" : "");
        var response = await SendAsync(HttpMethod.Get, path, null, CallKind.TransferRead, op, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, op, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task RestoreAsync(Stream backup, string fileName, CancellationToken cancellationToken)
    {
        var op = $"restore the backup '{fileName}'";
        var uptime = await UptimeAsync(cancellationToken);
        using var response = await SendAsync(HttpMethod.Post, ApiPrefix + "/backup", Octets(backup), CallKind.TransferWrite, op, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var detail = GatewayErrors.Summarize(await response.Content.ReadAsStringAsync(cancellationToken));
            throw new GatewayException(GatewayFailure.Rejected,
                $"the gateway at {Gateway} refused to restore '{fileName}' (400 Bad Request){(detail.Length > 0 ? ": " + detail : "")}. " +
                "The file must be an intact .gwbk from a compatible Ignition version (a backup cannot be restored onto an older gateway).",
                response.StatusCode);
        }
        await EnsureSuccessAsync(response, op, cancellationToken);
        PendingRestart = new RestartMark(DateTimeOffset.UtcNow, uptime);
    }

    /// <summary>Uploads a <c>.modl</c>; returns the module id the gateway assigned.</summary>
    public async Task<string> UploadModuleAsync(Stream module, string fileName, CancellationToken cancellationToken)
    {
        var op = $"upload the module '{fileName}'";
        var json = await PostAsync($"{ApiPrefix}/modules/upload?fileName={Uri.EscapeDataString(fileName)}", Octets(module), op,
            cancellationToken, CallKind.TransferWrite);
        return json.Str("moduleId", "id", "module")
            ?? (json.ValueKind == JsonValueKind.String ? json.GetString() : null)
            ?? throw new GatewayException(GatewayFailure.UnexpectedResponse, $"the gateway at {Gateway} accepted '{fileName}' but did not say which module id it has");
    }

    /// <summary>Accepts the module's certificate and EULA (409 = already accepted) and installs it.</summary>
    public async Task<JsonElement> InstallModuleAsync(string moduleId, CancellationToken cancellationToken)
    {
        var id = Uri.EscapeDataString(moduleId);
        await PostAsync($"{ApiPrefix}/modules/certificate?moduleId={id}", null, $"accept the certificate of module '{moduleId}'",
            cancellationToken, CallKind.Write, HttpStatusCode.Conflict);
        await PostAsync($"{ApiPrefix}/modules/eula?moduleId={id}", null, $"accept the licence (EULA) of module '{moduleId}'",
            cancellationToken, CallKind.Write, HttpStatusCode.Conflict);
        return await PostAsync($"{ApiPrefix}/modules/install?moduleId={id}", null, $"install module '{moduleId}'", cancellationToken);
    }

    public async Task<HttpResponseMessage> ExportProjectAsync(string name, CancellationToken cancellationToken)
    {
        var op = $"export project '{name}'";
        var response = await SendAsync(HttpMethod.Get, $"{ApiPrefix}/projects/export/{Uri.EscapeDataString(name)}", null, CallKind.TransferRead, op, cancellationToken);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new GatewayException(GatewayFailure.NotFound, $"project '{name}' does not exist on the gateway at {Gateway}", response.StatusCode);
            await EnsureSuccessAsync(response, op, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<JsonElement> ImportProjectAsync(string name, Stream zip, bool overwrite, CancellationToken cancellationToken)
    {
        var op = $"import project '{name}'";
        var content = new StreamContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var path = $"{ApiPrefix}/projects/import/{Uri.EscapeDataString(name)}?overwrite={(overwrite ? "true" : "false")}";
        using var response = await SendAsync(HttpMethod.Post, path, content, CallKind.TransferWrite, op, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
            throw new GatewayException(GatewayFailure.Conflict,
                $"project '{name}' already exists on the gateway at {Gateway}; set 'overwrite: true' to replace it", response.StatusCode);
        await EnsureSuccessAsync(response, op, cancellationToken);
        var json = await ReadJsonAsync(response, op, cancellationToken, allowNonJson: true);
        if (json.Bool("success") == false)
            throw new GatewayException(GatewayFailure.Rejected,
                $"the gateway at {Gateway} could not import project '{name}': {json.Str("problem", "message", "error") ?? "no reason given"}");
        return json;
    }

    public async Task ScanProjectsAsync(bool includeConfig, CancellationToken cancellationToken)
    {
        await PostAsync(ApiPrefix + "/scan/projects", null, "rescan the projects", cancellationToken);
        if (includeConfig) await PostAsync(ApiPrefix + "/scan/config", null, "rescan the configuration", cancellationToken);
    }

    public Task<JsonElement> ResetTrialAsync(CancellationToken cancellationToken) =>
        PostAsync(ApiPrefix + "/trial", null, "reset the trial period", cancellationToken);

    private static StreamContent Octets(Stream stream)
    {
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
