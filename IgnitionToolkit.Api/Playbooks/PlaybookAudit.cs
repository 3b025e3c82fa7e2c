using IgnitionToolkit.Api.Audit;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>The precise audit actions of playbook writes: an import is <c>playbook.imported</c>; an update that turns
/// <c>metadata.enabled</c> on or off is <c>playbook.enabled</c> / <c>playbook.disabled</c>.</summary>
internal static class PlaybookAudit
{
    public const string ImportedFolder = "imported/";

    public static AuditEntry CreatedOrImported(AuditCall<PlaybookSaved> call)
    {
        var path = call.Value.Summary.Path;
        var imported = call.Http.Request.Query.ContainsKey("import") || path.StartsWith(ImportedFolder, StringComparison.Ordinal);
        return call.Entry with { Action = imported ? "playbook.imported" : call.Entry.Action, TargetId = path };
    }

    public static AuditEntry ChangedEnabledOrDisabled(AuditCall<PlaybookSaved> call)
    {
        var isEnabled = !PlaybookDtoMapping.IsDisabled(call.Value.Summary.Metadata);
        return call.Before is bool wasEnabled && wasEnabled != isEnabled
            ? call.Entry with { Action = isEnabled ? "playbook.enabled" : "playbook.disabled" }
            : call.Entry;
    }

    /// <summary>Whether the playbook named by the route value <c>path</c> is enabled before the update (null: unknown).</summary>
    public static async Task<object?> WasEnabledAsync(HttpContext http)
    {
        var library = http.RequestServices.GetRequiredService<PlaybookLibrary>();
        if (http.Request.RouteValues["path"] is not string path || library.TryNormalize(path, out var relative) is not null || !library.Exists(relative))
            return null;
        var loaded = await http.RequestServices.GetRequiredService<PlaybookValidator>().LoadFileAsync(relative, http.RequestAborted);
        return loaded?.Result.Playbook is { } playbook ? !PlaybookDtoMapping.IsDisabled(playbook.Metadata) : null;
    }
}
