using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c> on every opened connection). SQLite has one
/// writer: while the event consumer commits, a <c>POST /executions</c> insert is refused as busy, and
/// Microsoft.Data.Sqlite's own retry sleeps 150 ms before trying again — the long tail of the API's write latency.
/// SQLite's busy handler retries after 1, 2, 5, 10... ms instead; the command timeout still bounds the whole wait.
/// The setting belongs to the native connection, which Microsoft.Data.Sqlite's pool keeps open between uses: it is
/// set once per native connection, not on every open.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long a command waits for the database: the connection string's <c>Default Timeout</c> too.</summary>
    public const string Seconds = "30";

    private const string Pragma = "PRAGMA busy_timeout = " + Seconds + "000;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time this native connection is seen (a connection without one is always configured).</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } native } || Configured.TryAdd(native, native);
}
