using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Extensions.Logging;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace Microsoft.Extensions.Hosting;

/// <summary>Runs a service; a start-up failure caused by the configuration (invalid setting, missing or default secret in
/// Production) is logged as one clear message naming the settings, and the process exits with code 2, without a stack trace.</summary>
public static class ToolkitHostRunner
{
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Builds and runs; for services whose building already reads settings (e.g. the Runner's bus endpoints).</summary>
    public static async Task<int> RunToolkitAsync(Func<WebApplication> build)
    {
        WebApplication app;
        try
        {
            app = build();
        }
        catch (Exception ex) when (ConfigurationProblem(ex) is { } problem)
        {
            using var factory = LoggerFactory.Create(b => b.AddProvider(new SerilogLoggerProvider(
                new Serilog.LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger(), dispose: true)));
            Report(factory.CreateLogger("IgnitionToolkit.Startup"), problem);
            return ConfigurationErrorExitCode;
        }
        return await app.RunToolkitAsync();
    }

    public static async Task<int> RunToolkitAsync(this WebApplication app)
    {
        try
        {
            // Validate every setting before the hosted services are created (they read some settings in their constructors).
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.StartAsync();
        }
        catch (Exception ex) when (ConfigurationProblem(ex) is { } problem)
        {
            Report(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IgnitionToolkit.Startup"), problem);
            await app.DisposeAsync();
            return ConfigurationErrorExitCode;
        }
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    private static void Report(ILogger logger, string problem) =>
        logger.LogCritical("The service refuses to start: the configuration is invalid:{NewLine}{Problems}", Environment.NewLine, problem);

    /// <summary>One line per invalid setting when <paramref name="ex"/> comes from the configuration; else null.</summary>
    public static string? ConfigurationProblem(Exception ex) => ex switch
    {
        OptionsValidationException validation => string.Join(Environment.NewLine, validation.Failures.Select(f => "  - " + f)),
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            "  - " + m + (ex.InnerException is { } inner ? $" ({inner.Message})" : ""),
        AggregateException aggregate when aggregate.InnerExceptions.Select(ConfigurationProblem).Where(p => p is not null).ToList() is { Count: > 0 } found =>
            string.Join(Environment.NewLine, found),
        _ => null,
    };
}
