using System.Text.RegularExpressions;

namespace IgnitionToolkit.Contracts;

/// <summary>Wire names of enums: lower snake_case (<c>Running</c> → <c>running</c>, <c>SkipBack</c> → <c>skip_back</c>),
/// the same on the bus, the hub and REST.</summary>
public static partial class WireNames
{
    /// <summary>Lower-case wire name (<c>running</c>, <c>skip_back</c>...).</summary>
    public static string ToWire(this Enum value) => Words().Replace(value.ToString(), "_$1").ToLowerInvariant();

    /// <summary>Reads a wire name (any case, with or without underscores); false for unknown names and numbers.</summary>
    public static bool TryParse<T>(string? wire, out T value) where T : struct, Enum =>
        Enum.TryParse(wire?.Replace("_", string.Empty), ignoreCase: true, out value) && Enum.IsDefined(value) &&
        !string.IsNullOrEmpty(wire) && !char.IsAsciiDigit(wire.Trim()[0]) && wire.Trim()[0] != '-';

    /// <summary>Reads a wire name; <see cref="FormatException"/> naming the type when it is unknown.</summary>
    public static T Parse<T>(string wire) where T : struct, Enum =>
        TryParse<T>(wire, out var value) ? value : throw new FormatException($"unknown {typeof(T).Name} '{wire}'");

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
