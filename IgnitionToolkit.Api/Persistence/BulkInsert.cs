using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>
/// Inserts new rows of one entity type with multi-row <c>INSERT</c> commands, in the context's current transaction,
/// without the change tracker. Columns, names and value conversions come from the EF Core model (the provider's own
/// type mappings make the parameters), so the rows are exactly what <c>SaveChanges</c> would write; keys the database
/// generates are left to it and not read back. For append-only rows written in bulk: EF Core's SQLite provider sends
/// one <c>INSERT … RETURNING</c> command per row, which cost the event applier most of its time (docs/performance.md).
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters in one command. Small on purpose: SQLite finds a parameter by name with a linear search, so
    /// binding a command of N parameters costs N² (with 4,000, binding took most of a batch's time; with 256 still 8 % of
    /// the API's CPU while it took in a 1,000-step run). Full chunks reuse one prepared command, so small ones cost little.</summary>
    private const int MaxParameters = 64;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The text holds only the model's table and column names and parameter placeholders; every value is a parameter.")]
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the context's transaction");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES ").ToString();
        var perCommand = Math.Max(1, MaxParameters / columns.Count);

        DbCommand Command(int count)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(Name(r, c)));
                text.Append(')');
            }
            command.CommandText = text.ToString();
            return command;
        }
        string Name(int r, int c) => $"p{(r * columns.Count) + c}";

        // Full chunks share one command (prepared once); the rest gets its own.
        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(perCommand))
            {
                var last = chunk.Length < perCommand ? Command(chunk.Length) : null;
                var command = last ?? (full ??= Command(perCommand));
                command.Parameters.Clear();
                for (var r = 0; r < chunk.Length; r++)
                    for (var c = 0; c < columns.Count; c++)
                        command.Parameters.Add(Parameter(command, columns[c], sql.GenerateParameterName(Name(r, c)), chunk[r]));
                await command.ExecuteNonQueryAsync(ct);
                if (last is not null) await last.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, IProperty column, string name, object row) =>
        column.GetRelationalTypeMapping().CreateParameter(command, name, column.GetGetter().GetClrValue(row), column.IsNullable);
}
