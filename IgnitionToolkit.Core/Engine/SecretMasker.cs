using System.Collections;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Replaces known secret values with <c>***</c> in text and in nested values before anything leaves the engine.</summary>
public sealed class SecretMasker
{
    public const string Mask = "***";
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string[] _ordered = [];

    /// <summary>Registers a secret. For <c>name:secret</c> values (Ignition API tokens) the part after the first colon
    /// is registered too, so it is masked when it appears on its own.</summary>
    public void Add(string? secret)
    {
        // Very short values would mask unrelated text (e.g. "1"); they are still never logged by design.
        if (string.IsNullOrEmpty(secret) || secret.Length < 3) return;
        var colon = secret.IndexOf(':', StringComparison.Ordinal);
        lock (_gate)
        {
            var added = _secrets.Add(secret);
            if (colon > 0 && secret.Length - colon - 1 >= 3) added |= _secrets.Add(secret[(colon + 1)..]);
            if (added) _ordered = [.. _secrets.OrderByDescending(s => s.Length)];
        }
    }

    public string Apply(string text)
    {
        var secrets = _ordered;
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    public string? ApplyNullable(string? text) => text is null ? null : Apply(text);

    /// <summary>Masks strings inside lists and dictionaries, recursively.</summary>
    public object? ApplyValue(object? value) => value switch
    {
        null => null,
        string s => Apply(s),
        IReadOnlyDictionary<string, object?> map => ApplyMap(map),
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => ApplyValue(kv.Value)),
        IEnumerable list and not string => list.Cast<object?>().Select(ApplyValue).ToList(),
        _ => value,
    };

    public IReadOnlyDictionary<string, object?> ApplyMap(IReadOnlyDictionary<string, object?> map) =>
        map.ToDictionary(kv => kv.Key, kv => ApplyValue(kv.Value));
}
