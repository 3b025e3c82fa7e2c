namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>Section <c>Toolkit:Logging</c>: where and how the service writes its log files (levels stay under <c>Logging:LogLevel</c>).</summary>
public sealed class LoggingOptions
{
    public const string Section = "Toolkit:Logging";

    /// <summary>Folder of the log files (default <c>&lt;data&gt;/logs</c>).</summary>
    public string? Directory { get; set; }

    /// <summary>Log files: <c>auto</c> (compact JSON in Production, text elsewhere), <c>text</c> or <c>json</c>.</summary>
    public string Format { get; set; } = "auto";

    /// <summary>Console: <c>text</c> (default, in every environment: tools and people read it) or <c>json</c> (compact).</summary>
    public string ConsoleFormat { get; set; } = "text";

    /// <summary>Size at which a log file rolls over to the next one, in MB.</summary>
    public int FileSizeLimitMB { get; set; } = 50;

    /// <summary>How many files of each log (main and errors) are kept.</summary>
    public int RetainedFiles { get; set; } = 10;

    /// <summary>Write the log files at all.</summary>
    public bool Files { get; set; } = true;

    /// <summary>Write to the console (standard output).</summary>
    public bool Console { get; set; } = true;

    public static void Rules(LoggingOptions o, SettingRules rules) => rules
        .OneOf(o.Format, $"{Section}:Format", "auto", "text", "json")
        .OneOf(o.ConsoleFormat, $"{Section}:ConsoleFormat", "text", "json")
        .AtLeast(o.FileSizeLimitMB, 1, $"{Section}:FileSizeLimitMB")
        .AtLeast(o.RetainedFiles, 1, $"{Section}:RetainedFiles");

    public bool UseJson(bool production) =>
        string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase) ||
        (production && !string.Equals(Format, "text", StringComparison.OrdinalIgnoreCase));
}
