namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>A project with its resource files (relative path → bytes).</summary>
public sealed record ProjectRecord(
    string Name,
    string Title,
    string Description,
    bool Enabled,
    string? Parent,
    bool Inheritable,
    IReadOnlyDictionary<string, byte[]> Files);

/// <summary>An installed module.</summary>
public sealed record ModuleRecord(string Id, string Name, string Version, DateTimeOffset InstalledAt);

/// <summary>A module uploaded but not yet installed (shown as quarantined until installed and the gateway restarts).</summary>
public sealed record UploadedModule(
    string Id,
    string Name,
    string Version,
    string FileName,
    bool CertAccepted,
    bool LicenseAccepted,
    bool Installed);

public sealed record LogEntry(DateTimeOffset Timestamp, string Level, string Logger, string Message);

/// <summary>Outcome of an operation that may fail with a status code and a message.</summary>
public sealed record OperationResult(int StatusCode, string? Error)
{
    public static readonly OperationResult Ok = new(200, null);

    public bool Succeeded => Error is null;

    public static OperationResult Fail(int statusCode, string error) => new(statusCode, error);
}
