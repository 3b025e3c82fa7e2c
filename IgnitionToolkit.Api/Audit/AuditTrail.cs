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
        var entry = NewRecord(userName, action, targetType, targetId, detail);
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

    /// <summary>Adds an entry to the caller's unit of work without saving it: it is committed by the caller's next save, in
    /// one transaction with the change it records (an execution's start writes one commit instead of two).</summary>
    public AuditRecord Stage(string userName, string action, string targetType, string? targetId, string? detail)
    {
        var entry = NewRecord(userName, action, targetType, targetId, detail);
        db.Audit.Add(entry);
        return entry;
    }

    /// <summary>Takes back a staged entry whose change did not happen after all: forgotten when not saved yet, deleted by
    /// the caller's next save when it was.</summary>
    public void Withdraw(AuditRecord entry) => db.Audit.Remove(entry);

    private AuditRecord NewRecord(string userName, string action, string targetType, string? targetId, string? detail) => new()
    {
        Timestamp = clock.GetUtcNow(),
        UserName = Cut(userName, 64)!,
        Action = action,
        TargetType = targetType,
        TargetId = Cut(targetId, 1024),
        Detail = Cut(detail, MaxDetail),
        ClientIp = user.ClientIp,
    };

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry {Action} on {TargetType} {TargetId} by {User}")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, string action, string targetType, string? targetId, string user);
}
