namespace IgnitionToolkit.GatewaySimulator.State;

public sealed partial class GatewayState
{
    public IReadOnlyList<ModuleRecord> Modules
    {
        get { lock (_gate) { return [.. _modules.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)]; } }
    }

    /// <summary>Uploaded modules not yet active (quarantined until installed and the gateway restarted).</summary>
    public IReadOnlyList<UploadedModule> UploadedModules
    {
        get { lock (_gate) { return [.. _uploads.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)]; } }
    }

    public OperationResult UploadModule(string fileName, byte[] body, out string moduleId)
    {
        moduleId = "";
        if (body.Length == 0)
        {
            return OperationResult.Fail(400, "The request body is empty: send the .modl file as application/octet-stream.");
        }
        if (!ModuleFile.TryRead(fileName, body, out var info, out var error))
        {
            return OperationResult.Fail(400, error);
        }
        lock (_gate)
        {
            moduleId = info.Id;
            _uploads[info.Id] = new UploadedModule(info.Id, info.Name, info.Version, fileName, false, false, false);
            LogLocked("INFO", "gateway.ModuleManager", $"Module '{info.Id}' {info.Version} uploaded as {fileName}.");
            return OperationResult.Ok;
        }
    }

    public OperationResult AcceptCertificate(string moduleId) => UpdateUpload(moduleId, upload =>
        upload.CertAccepted
            ? (OperationResult.Fail(409, "Certificate already accepted."), upload)
            : (OperationResult.Ok, upload with { CertAccepted = true }));

    public OperationResult AcceptEula(string moduleId) => UpdateUpload(moduleId, upload =>
        upload.LicenseAccepted
            ? (OperationResult.Fail(409, "EULA already accepted."), upload)
            : (OperationResult.Ok, upload with { LicenseAccepted = true }));

    /// <summary>Marks an uploaded module for installation at the next restart and adds a pending restart reason.</summary>
    public OperationResult InstallModule(string moduleId) => UpdateUpload(moduleId, upload =>
    {
        if (!upload.CertAccepted || !upload.LicenseAccepted)
        {
            return (OperationResult.Fail(400, $"Accept the certificate and the EULA of module '{moduleId}' before installing it."), upload);
        }
        if (!upload.Installed)
        {
            _pendingRestart.Add($"Module Installed: {moduleId}");
            LogLocked("INFO", "gateway.ModuleManager", $"Module '{moduleId}' will be installed at the next restart.");
        }
        return (OperationResult.Ok, upload with { Installed = true });
    });

    private OperationResult UpdateUpload(string moduleId, Func<UploadedModule, (OperationResult, UploadedModule)> change)
    {
        if (string.IsNullOrWhiteSpace(moduleId))
        {
            return OperationResult.Fail(400, "Missing parameter: moduleId");
        }
        lock (_gate)
        {
            if (!_uploads.TryGetValue(moduleId, out var upload))
            {
                return OperationResult.Fail(404, $"No uploaded module with id '{moduleId}'.");
            }
            var (result, updated) = change(upload);
            _uploads[moduleId] = updated;
            return result;
        }
    }
}
