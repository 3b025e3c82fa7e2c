using System.Collections.Concurrent;
using IgnitionToolkit.Core.Engine;

namespace IgnitionToolkit.Core.Security;

/// <summary>
/// The secret values of the executions running in this process (credentials, secret parameters), for the log sinks
/// outside the engine: the Serilog enricher and the OpenTelemetry log processor mask them too, so a secret that reaches
/// a host log line or an exception message is masked in every sink. An execution's secrets leave with it.
/// </summary>
public static class LiveSecrets
{
    private static readonly ConcurrentDictionary<SecretMasker, byte> Maskers = new();

    public static void Track(SecretMasker masker) => Maskers.TryAdd(masker, 0);

    public static void Untrack(SecretMasker masker) => Maskers.TryRemove(masker, out _);

    /// <summary><paramref name="text"/> with every secret of a running execution replaced by <c>***</c>.</summary>
    public static string Mask(string text)
    {
        if (Maskers.IsEmpty || text.Length == 0) return text;
        foreach (var masker in Maskers.Keys) text = masker.Apply(text);
        return text;
    }
}
