namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>The cookies of one gateway session (the HTTP handler does not keep cookies: sessions must not mix).</summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Collect(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers)) return;
        lock (_gate)
        {
            foreach (var header in headers)
            {
                var first = header.Split(';', 2)[0];
                var eq = first.IndexOf('=');
                if (eq <= 0) continue;
                var name = first[..eq].Trim();
                var value = first[(eq + 1)..].Trim();
                var expired = value.Length == 0
                    || header.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase)
                    || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        }
    }

    public string? HeaderValue
    {
        get
        {
            lock (_gate) return _cookies.Count == 0 ? null : string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
        }
    }

    public bool Has(Func<string, bool> namePredicate)
    {
        lock (_gate) return _cookies.Keys.Any(namePredicate);
    }

    public void Clear()
    {
        lock (_gate) _cookies.Clear();
    }
}
