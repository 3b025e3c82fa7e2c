using Npgsql;

namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>The API on a real PostgreSQL server, in a database unique to this run and dropped afterwards.</summary>
public class PostgresApiFixture : ApiFixture
{
    public string DatabaseName { get; } = "toolkit_" + Guid.NewGuid().ToString("N")[..16];

    protected override Task<string?> CreateDatabaseAsync()
    {
        // The API's migrations create the database; only the name is chosen here.
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = DatabaseName };
        return Task.FromResult<string?>(builder.ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
