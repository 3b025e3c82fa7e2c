using System.Collections.Concurrent;

namespace IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;

/// <summary>Counts the HTTP attempts that leave the gateway client (below the retry handler), by "METHOD /path".</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Path, string Body)> _loginBodies = new();

    /// <summary>Bodies of the IdP login calls (next-challenge, submit-challenge), in order.</summary>
    public IReadOnlyList<(string Path, string Body)> LoginBodies => [.. _loginBodies];

    public int this[string methodAndPath] => _counts.GetValueOrDefault(methodAndPath);

    public void Add(HttpRequestMessage request) =>
        _counts.AddOrUpdate($"{request.Method} {request.RequestUri?.AbsolutePath}", 1, (_, n) => n + 1);

    public sealed class Handler(RequestCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Add(request);
            if (request.RequestUri?.AbsolutePath.StartsWith("/idp/default/authn/", StringComparison.Ordinal) == true && request.Content is StringContent json)
                counter._loginBodies.Enqueue((request.RequestUri.AbsolutePath, await json.ReadAsStringAsync(cancellationToken)));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
