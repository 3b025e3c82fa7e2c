using System.Collections.Concurrent;

namespace IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;

/// <summary>Counts the HTTP attempts that leave the gateway client (below the retry handler), by "METHOD /path".</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);

    public int this[string methodAndPath] => _counts.GetValueOrDefault(methodAndPath);

    public void Add(HttpRequestMessage request) =>
        _counts.AddOrUpdate($"{request.Method} {request.RequestUri?.AbsolutePath}", 1, (_, n) => n + 1);

    public sealed class Handler(RequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Add(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
