namespace IgnitionToolkit.Api.Persistence;

/// <summary><c>dotnet run --project IgnitionToolkit.Api -- --migrate</c>: applies the database migrations and exits.</summary>
public static partial class MigrateDatabaseCommand
{
    public const string Flag = "--migrate";

    public static bool IsRequested(string[] args) => args.Contains(Flag, StringComparer.OrdinalIgnoreCase);

    /// <summary>The arguments without the flag (the configuration reader would take the next argument as its value).</summary>
    public static string[] WithoutFlag(string[] args) => args.Where(a => !a.Equals(Flag, StringComparison.OrdinalIgnoreCase)).ToArray();

    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateDatabaseCommand));
        try
        {
            var applied = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            LogApplied(logger, applied.Count == 0 ? "none (up to date)" : string.Join(", ", applied));
            return 0;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex.Message);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrations applied: {Migrations}")]
    private static partial void LogApplied(ILogger logger, string migrations);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
