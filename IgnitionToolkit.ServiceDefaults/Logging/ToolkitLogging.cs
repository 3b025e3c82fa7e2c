using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
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

    public static TBuilder AddToolkitLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = ReadOptions(builder.Configuration);
        var json = options.UseJson(builder.Environment.IsProduction());
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose() // filtering is done by Microsoft.Extensions.Logging (Logging:LogLevel)
            .Filter.ByExcluding(e => e.Exception is Microsoft.Extensions.Options.OptionsValidationException) // reported once, without stack trace, by ToolkitHostRunner
            .Enrich.With(new SecretMaskingEnricher(), new ExecutionTagEnricher())
            .Enrich.WithProperty("Service", ServiceName(builder.Environment.ApplicationName));

        if (options.Console)
        {
            if (string.Equals(options.ConsoleFormat, "json", StringComparison.OrdinalIgnoreCase)) logger.WriteTo.Console(new CompactJsonFormatter());
            else logger.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
        if (options.Files)
        {
            var directory = LogDirectory(builder.Configuration, options);
            Directory.CreateDirectory(directory);
            var name = ServiceName(builder.Environment.ApplicationName);
            ITextFormatter Formatter() => json ? new CompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture);
            File(logger, Formatter(), Path.Combine(directory, $"{name}.log"), options, LogEventLevel.Verbose);
            File(logger, Formatter(), Path.Combine(directory, $"{name}-errors.log"), options, LogEventLevel.Error);
        }

        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information); // Logging:LogLevel:* still override
        builder.Logging.AddSerilog(logger.CreateLogger(), dispose: true);
        return builder;
    }

    private static void File(LoggerConfiguration logger, ITextFormatter formatter, string path, LoggingOptions options, LogEventLevel minimum) =>
        logger.WriteTo.File(formatter, path, restrictedToMinimumLevel: minimum,
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
