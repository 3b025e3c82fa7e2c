using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace IgnitionToolkit.ServiceDefaults.Logging;

/// <summary>
/// Serilog as the service's logging provider (levels still come from <c>Logging:LogLevel</c>, and the OpenTelemetry
/// provider keeps exporting): console, <c>&lt;logs&gt;/&lt;service&gt;.log</c> and <c>&lt;logs&gt;/&lt;service&gt;-errors.log</c>
/// rolling at 50 MB with 10 files kept, files in compact JSON in Production (console text unless configured), secrets masked, execution id on execution lines.
/// </summary>
public static class ToolkitLogging
{
    public const string TextTemplate =
        "[{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3}] {SourceContext}{ExecutionTag}: {Message:l}{NewLine}{Exception}";
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}{ExecutionTag}: {Message:l}{NewLine}{Exception}";

    /// <summary>Short service name used for the file names: <c>IgnitionToolkit.Api</c> → <c>api</c>.</summary>
    public static string ServiceName(string applicationName) =>
        applicationName.Replace("IgnitionToolkit.", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant();

    public static string LogDirectory(IConfiguration configuration, LoggingOptions options) =>
        string.IsNullOrWhiteSpace(options.Directory)
            ? Path.Combine(ToolkitPaths.Resolve(key => configuration[key]).DataDirectory, "logs")
            : Path.GetFullPath(options.Directory);

    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static TBuilder AddToolkitLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Lowest-priority defaults (any configuration source overrides them): EF Core logs every SQL command and ASP.NET
        // Core six lines per request at Information, lines that cost the API more than the query or the request (every
        // sink writes under a lock: under load, the request threads queued behind the console).
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietDefaults });
        var options = ReadOptions(builder.Configuration);
        var json = options.UseJson(builder.Environment.IsProduction());
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose() // filtering is done by Microsoft.Extensions.Logging (Logging:LogLevel)
            .Filter.ByExcluding(e => e.Exception is Microsoft.Extensions.Options.OptionsValidationException) // reported once, without stack trace, by ToolkitHostRunner
            .Enrich.With(new SecretMaskingEnricher(), new ExecutionTagEnricher())
            .Enrich.WithProperty("Service", ServiceName(builder.Environment.ApplicationName));

        // The sinks write on one background thread (Serilog.Sinks.Async): a line costs the thread that logs it an enqueue,
        // not a console and a file write under their locks (a Runner's engine writes every step's lines). A full queue
        // makes the writer wait rather than drop lines, and FlushOnExitSink writes out what is queued on every way out.
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Async(to =>
        {
            if (options.Console)
            {
                if (string.Equals(options.ConsoleFormat, "json", StringComparison.OrdinalIgnoreCase)) to.Console(new CompactJsonFormatter());
                else to.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            if (options.Files)
            {
                var directory = LogDirectory(builder.Configuration, options);
                Directory.CreateDirectory(directory);
                var name = ServiceName(builder.Environment.ApplicationName);
                ITextFormatter Formatter() => json ? new CompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture);
                File(to, Formatter(), Path.Combine(directory, $"{name}.log"), options, LogEventLevel.Verbose);
                File(to, Formatter(), Path.Combine(directory, $"{name}-errors.log"), options, LogEventLevel.Error);
            }
        }, blockWhenFull: true).CreateLogger();
        logger.WriteTo.Sink(new FlushOnExitSink(sinks));

        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information); // Logging:LogLevel:* still override
        builder.Logging.AddSerilog(logger.CreateLogger(), dispose: true);
        // AddSerilog adds a rule letting every level through to Serilog (provider rules beat Logging:LogLevel:Default),
        // which logged each EF Core command and MassTransit message at Debug: take it out so Logging:LogLevel applies.
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            foreach (var rule in o.Rules.Where(IsSerilogCatchAll).ToList()) o.Rules.Remove(rule);
        });
        return builder;
    }

    private static bool IsSerilogCatchAll(LoggerFilterRule rule) =>
        rule is { CategoryName: null, LogLevel: Microsoft.Extensions.Logging.LogLevel.Trace, Filter: null }
        && (rule.ProviderName == typeof(Serilog.Extensions.Logging.SerilogLoggerProvider).FullName || rule.ProviderName == "Serilog");

    private static void File(Serilog.Configuration.LoggerSinkConfiguration to, ITextFormatter formatter, string path, LoggingOptions options, LogEventLevel minimum) =>
        to.File(formatter, path, restrictedToMinimumLevel: minimum,
            fileSizeLimitBytes: options.FileSizeLimitMB * 1024L * 1024L, rollOnFileSizeLimit: true,
            retainedFileCountLimit: options.RetainedFiles, shared: true, flushToDiskInterval: TimeSpan.FromSeconds(1));

    /// <summary>The settings as far as they are usable; wrong values fall back to defaults here and are reported by
    /// the start-up validation (<see cref="LoggingOptions.Rules"/>).</summary>
    private static LoggingOptions ReadOptions(IConfiguration configuration)
    {
        var options = new LoggingOptions();
        try
        {
            configuration.GetSection(LoggingOptions.Section).Bind(options);
        }
        catch (InvalidOperationException)
        {
            return new LoggingOptions();
        }
        var rules = new SettingRules();
        LoggingOptions.Rules(options, rules);
        return rules.Failures.Count == 0 ? options : new LoggingOptions { Directory = options.Directory };
    }
}
