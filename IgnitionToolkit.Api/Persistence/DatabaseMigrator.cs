using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>Applies the pending migrations of whichever provider is configured.</summary>
public sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        // Checked first so a database that does not exist yet is created without connection errors in the log.
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
        var pending = exists ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() : db.Database.GetMigrations().ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets the API read while the event consumer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        LogUpToDate(logger, db.Database.ProviderName, pending.Count);
        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Provider} is up to date ({Count} migration(s) applied)")]
    private static partial void LogUpToDate(ILogger logger, string? provider, int count);
}

/// <summary>Migrates the database when the API starts, before the bus consumers and the heartbeat monitor run.</summary>
public sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
