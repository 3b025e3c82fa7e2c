using System.IO.Compression;
using System.Net;
using System.Text;

namespace IgnitionToolkit.Testing;

/// <summary>
/// A minimal OTLP/HTTP collector on 127.0.0.1 for tests: every export request (<c>/v1/logs</c>, <c>/v1/traces</c>,
/// <c>/v1/metrics</c>) is answered 200 and its body kept as received (gzip undone). Services export to it with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> = <see cref="Endpoint"/> and <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>
/// (<see cref="Environment"/>). Protobuf keeps strings as raw UTF-8, so a text is found in a body by its bytes.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<OtlpRequest> _requests = [];
    private readonly Task _loop;

    private OtlpReceiver(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Settings that make a toolkit service export everything here, soon after it is recorded.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",   // logs batch
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",    // spans batch
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    public IReadOnlyList<OtlpRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public static OtlpReceiver Start()
    {
        // The listener needs a port number up front: take a free one (a clash with another process is retried).
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new OtlpReceiver(TestPorts.Free());
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // taken in between: another port
            }
        }
    }

    /// <summary>The requests of one signal (<c>logs</c>, <c>traces</c>, <c>metrics</c>) from the service named
    /// <paramref name="service"/> (its <c>OTEL_SERVICE_NAME</c>, a resource attribute of every request).</summary>
    public IReadOnlyList<OtlpRequest> Of(string signal, string? service = null) =>
        [.. Requests.Where(r => r.Path == "/v1/" + signal && (service is null || r.IsFrom(service)))];

    /// <summary>Waits until <paramref name="condition"/> holds for the requests received so far.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<OtlpRequest>, bool> condition, string what, TimeSpan timeout) =>
        Wait.UntilAsync(() => condition(Requests), timeout, $"OTLP receiver: {what}",
            () => string.Join(", ", Requests.GroupBy(r => r.Path).Select(g => $"{g.Key}×{g.Count()}")));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // stopped while waiting for a request
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            var input = context.Request.InputStream;
            if (string.Equals(context.Request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase))
                input = new GZipStream(input, CompressionMode.Decompress);
            await input.CopyToAsync(body);
            lock (_requests) _requests.Add(new OtlpRequest(context.Request.Url?.AbsolutePath ?? "", body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0; // an empty Export*ServiceResponse: everything accepted
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidDataException)
        {
            context.Response.Abort();
        }
    }
}

/// <summary>One OTLP export request: its path (<c>/v1/logs</c>...) and protobuf body.</summary>
public sealed record OtlpRequest(string Path, byte[] Body)
{
    public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>True when the resource's <c>service.name</c> is <paramref name="service"/> (a short name): the encoded
    /// KeyValue { key = "service.name", value = AnyValue { string_value = service } }.</summary>
    public bool IsFrom(string service)
    {
        var name = Encoding.UTF8.GetBytes(service);
        byte[] pattern = [.. "service.name"u8, 0x12, (byte)(name.Length + 2), 0x0A, (byte)name.Length, .. name];
        return Body.AsSpan().IndexOf(pattern) >= 0;
    }
}
