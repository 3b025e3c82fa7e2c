using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Library;

/// <summary>Mounts the git sources at start-up, then every <see cref="LibraryOptions.PollSeconds"/> fetches (and pulls)
/// those whose own interval has passed. Each API instance keeps its own mounts current this way.</summary>
public sealed partial class LibraryPullService(IServiceScopeFactory scopes, IOptions<LibraryOptions> options, TimeProvider clock,
    ILogger<LibraryPullService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LibrarySync>().RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex); // the database may be down for a while: try again at the next tick
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Library sources could not be refreshed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
