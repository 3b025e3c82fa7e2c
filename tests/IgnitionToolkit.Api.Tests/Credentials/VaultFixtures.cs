using System.Text;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace IgnitionToolkit.Api.Tests.Credentials;

/// <summary>An API with the bus transport key set (as the AppHost does), so executions can carry credentials.</summary>
public sealed class VaultApiFixture : ApiFixture
{
    public string TransportKey { get; } = Convert.ToBase64String(SecretEnvelope.NewKey());

    protected override void ConfigureApi(IWebHostBuilder builder) => builder.UseSetting(CredentialTransport.ConfigurationKey, TransportKey);
}

/// <summary>An API whose configured vault key is not a 32-byte base64 key.</summary>
public sealed class BadVaultKeyApiFixture : ApiFixture
{
    protected override void ConfigureApi(IWebHostBuilder builder) =>
        builder.UseSetting("Toolkit:Vault:Key", Convert.ToBase64String(Encoding.UTF8.GetBytes("too-short")));
}

public static class VaultTestTools
{
    /// <summary>A secret nobody else would write, so finding it anywhere is a leak.</summary>
    public static string NewSecret() => "S3cret-" + Guid.NewGuid().ToString("N");

    /// <summary>Every value of every table of the SQLite database, as text (read directly, not through the API).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Table names come from sqlite_master of the test's own database; identifiers cannot be parameters.")]
    public static async Task<string> DumpSqliteAsync(string databaseFile)
    {
        var text = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var select = new SqliteCommand($"SELECT * FROM \"{table}\"", connection);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var value = rows.GetValue(i);
                    text.Append(table).Append('.').Append(rows.GetName(i)).Append('=')
                        .Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString()).Append('\n');
                }
            }
        }
        return text.ToString();
    }
}
