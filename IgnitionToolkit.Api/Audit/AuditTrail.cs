using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;

namespace IgnitionToolkit.Api.Audit;

/// <summary>Writes audit entries. Failing to write one is logged and never fails the request that caused it.</summary>
public sealed partial class AuditTrail(ToolkitDbContext db, CurrentUser user, TimeProvider clock, ILogger<AuditTrail> logger)
{
    public const int MaxDetail = 1024;

    public Task RecordAsync(string action, string targetType, string? targetId, string? detail, CancellationToken ct) =>
        RecordAsAsync(user.Name, action, targetType, targetId, detail, ct);

    public async Task RecordAsAsync(string userName, string action, string targetType, string? targetId, string? detail, CancellationToken ct)
    {
        var entry = new AuditRecord
        {
            Timestamp = clock.GetUtcNow(),
            UserName = Cut(userName, 64)!,
            Action = action,
            TargetType = targetType,
            TargetId = Cut(targetId, 1024),
            Detail = Cut(detail, MaxDetail),
            ClientIp = user.ClientIp,
        };
        try
        {
            db.Audit.Add(entry);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            LogNotWritten(logger, ex, action, targetType, targetId, userName);
        }
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry {Action} on {TargetType} {TargetId} by {User}")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, string action, string targetType, string? targetId, string user);
}
