using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Core.Plugins;

/// <summary>Small helpers for step plugins' log lines.</summary>
public static class StepLoggerExtensions
{
    /// <summary>Writes an information line to the execution log.</summary>
    public static void LogStep(this ILogger logger, string message)
    {
#pragma warning disable CA2254 // execution log lines are free text
        logger.LogInformation(message);
#pragma warning restore CA2254
    }
}
