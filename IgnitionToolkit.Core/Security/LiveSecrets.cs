using IgnitionToolkit.Core.Engine;

namespace IgnitionToolkit.Core.Security;

/// <summary>
/// The secret values of the executions running in this process (credentials, secret parameters), for the log sinks
/// outside the engine: the Serilog enricher and the OpenTelemetry log processor mask them too, so a secret that reaches
/// a host log line or an exception message is masked in every sink. An execution's secrets leave with it.
/// </summary>
/// <remarks>Every log property and trace tag goes through <see cref="Mask"/>, on every thread: it reads an immutable
/// snapshot without a lock (a <c>ConcurrentDictionary</c>'s <c>IsEmpty</c> and <c>Keys</c> take all its locks, which
/// serialised the API's request threads); <see cref="Track"/> and <see cref="Untrack"/>, once per execution, copy it.</remarks>
public static class LiveSecrets
{
    private static readonly Lock Gate = new();
    private static SecretMasker[] _maskers = [];

    public static void Track(SecretMasker masker)
    {
        lock (Gate)
            if (Array.IndexOf(_maskers, masker) < 0) Volatile.Write(ref _maskers, [.. _maskers, masker]);
    }

    public static void Untrack(SecretMasker masker)
    {
        lock (Gate)
            if (Array.IndexOf(_maskers, masker) >= 0) Volatile.Write(ref _maskers, _maskers.Where(m => m != masker).ToArray());
    }

    /// <summary><paramref name="text"/> with every secret of a running execution replaced by <c>***</c>.</summary>
    public static string Mask(string text)
    {
        var maskers = Volatile.Read(ref _maskers);
        if (maskers.Length == 0 || text.Length == 0) return text;
        foreach (var masker in maskers) text = masker.Apply(text);
        return text;
    }
}
