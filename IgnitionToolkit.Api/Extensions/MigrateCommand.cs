using IgnitionToolkit.Api.Persistence;

namespace IgnitionToolkit.Api.Extensions;

/// <summary><c>dotnet run --project IgnitionToolkit.Api -- --migrate</c>: applies the database migrations and exits.</summary>
public static class MigrateCommand
{
    public const string Flag = "--migrate";

    public static bool IsRequested(string[] args) => args.Contains(Flag, StringComparer.OrdinalIgnoreCase);

    /// <summary>The arguments without the flag (the configuration reader would take the next argument as its value).</summary>
    public static string[] WithoutFlag(string[] args) => args.Where(a => !a.Equals(Flag, StringComparison.OrdinalIgnoreCase)).ToArray();

    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        try
        {
            var applied = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            logger.LogInformation("Migrations applied: {Migrations}", applied.Count == 0 ? "none (up to date)" : string.Join(", ", applied));
            return 0;
        }
        catch (Exception ex)
        {
            logger.LogError("Migration failed: {Message}", ex.Message);
            return 1;
        }
    }
}
