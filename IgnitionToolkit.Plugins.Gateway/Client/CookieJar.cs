using System.Net;

namespace IgnitionToolkit.Plugins.Gateway.Client;

/// <summary>The cookies of one gateway session (the HTTP handler does not keep cookies: sessions must not mix), in a
/// <see cref="CookieContainer"/>: a cookie goes only to the host and path it was set for, and expires when it says.</summary>
internal sealed class CookieJar
{
    private readonly Lock _gate = new();
    private CookieContainer _cookies = new();

    /// <summary>Keeps the <c>Set-Cookie</c> headers of an answer (for the address that was asked); a malformed one is skipped.</summary>
    public void Collect(HttpResponseMessage response)
    {
        if (response.RequestMessage?.RequestUri is not { } uri || !response.Headers.TryGetValues("Set-Cookie", out var headers)) return;
        lock (_gate)
        {
            foreach (var header in headers)
            {
                try
                {
                    _cookies.SetCookies(uri, header);
                }
                catch (CookieException)
                {
                    // A gateway's malformed cookie is not worth failing a step for.
                }
            }
        }
    }

    /// <summary>The <c>Cookie</c> header for a request to <paramref name="uri"/>, or null when no cookie applies.</summary>
    public string? HeaderFor(Uri uri)
    {
        lock (_gate)
        {
            var header = _cookies.GetCookieHeader(uri);
            return header.Length == 0 ? null : header;
        }
    }

    public bool Has(Func<string, bool> namePredicate)
    {
        lock (_gate) return _cookies.GetAllCookies().Any(c => !c.Expired && namePredicate(c.Name));
    }

    public void Clear()
    {
        lock (_gate) _cookies = new CookieContainer();
    }
}
