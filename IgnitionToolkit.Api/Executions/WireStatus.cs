using IgnitionToolkit.Core.Execution;

namespace IgnitionToolkit.Api.Executions;

/// <summary>Parses wire status names (<c>running</c>, <c>skip_back</c>) back to enums.</summary>
public static class WireStatus
{
    public static ExecutionStatus ParseExecution(string wire) => Parse<ExecutionStatus>(wire);

    public static bool TryParse<T>(string? wire, out T value) where T : struct, Enum =>
        Enum.TryParse(wire?.Replace("_", string.Empty), ignoreCase: true, out value) && Enum.IsDefined(value);

    public static T Parse<T>(string wire) where T : struct, Enum =>
        TryParse<T>(wire, out var value) ? value : throw new FormatException($"unknown {typeof(T).Name} '{wire}'");
}
