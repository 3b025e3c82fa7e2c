using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Functional.Tests.Infrastructure;

/// <summary>An HTTP receiver for webhooks on a free loopback port (real Kestrel): keeps every request (headers and raw
/// body) and answers with the next scripted status code (200 once the script is used up).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly List<Received> _received = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Base address ending with '/'.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<Received> Requests
    {
        get { lock (_received) return [.. _received]; }
    }

    /// <summary>The status codes of the next requests, in order.</summary>
    public void AnswerNext(params int[] statusCodes)
    {
        foreach (var code in statusCodes) _script.Enqueue(code);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var code = _script.TryDequeue(out var scripted) ? scripted : 200;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_received) _received.Add(new Received(context.Request.Path, headers, buffer.ToArray(), code));
        context.Response.StatusCode = code;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
