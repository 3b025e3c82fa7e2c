using IgnitionToolkit.Api.Tests.Infrastructure;
using Npgsql;

namespace IgnitionToolkit.Api.Tests;

/// <summary><c>IgnitionToolkit.Api --migrate</c> (what <c>make migrate</c> runs) applies the migrations and exits,
/// started from an unrelated working directory.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_creates_the_sqlite_database_in_the_data_folder_and_exits()
    {
        var data = Path.Combine(Path.GetTempPath(), "toolkit-api-tests", TestEnvironment.NewPrefix());
        try
        {
            var (exitCode, output) = await RunMigrateAsync($"--Toolkit:DataDirectory={data}");
            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(Path.Combine(data, "toolkit.db")), output);
            Assert.Contains("Migrations applied", output);
            var (again, secondOutput) = await RunMigrateAsync($"--Toolkit:DataDirectory={data}");
            Assert.True(again == 0, secondOutput);
            Assert.Contains("none (up to date)", secondOutput);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_creates_the_postgres_database_and_exits()
    {
        var name = "toolkit_" + Guid.NewGuid().ToString("N")[..16];
        var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name }.ConnectionString;
        try
        {
            var (exitCode, output) = await RunMigrateAsync($"--ConnectionStrings:toolkitdb={connection}");
            Assert.True(exitCode == 0, output);
            Assert.Contains("InitialCreate", output);
        }
        finally
        {
            var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = "postgres", Pooling = false };
            await using var db = new NpgsqlConnection(admin.ConnectionString);
            await db.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", db);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static Task<(int ExitCode, string Output)> RunMigrateAsync(string setting) => ApiCommand.RunAsync("--migrate", setting);
}
