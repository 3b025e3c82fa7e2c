using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Ai.Tests;

/// <summary>A stand-in for the Anthropic Messages API over real HTTP (no internet here): answers with scripted
/// texts and records every request.</summary>
internal sealed class FakeMessagesServer : IAsyncDisposable
{
    public const string Key = "test-key-123";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _answers = new();

    private FakeMessagesServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;
    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public void Answer(params string[] texts)
    {
        foreach (var text in texts) _answers.Enqueue(text);
    }

    public static async Task<FakeMessagesServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeMessagesServer(app);
        app.MapPost("/v1/messages", async (HttpContext http) =>
        {
            if (http.Request.Headers["x-api-key"] != Key) return Results.Json(new { type = "error" }, statusCode: 401);
            if (http.Request.Headers["anthropic-version"].Count == 0) return Results.BadRequest();
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            server.Requests.Enqueue(body);
            var text = server._answers.TryDequeue(out var scripted) ? scripted : "ok";
            return Results.Json(new { id = "msg_1", type = "message", role = "assistant", content = new[] { new { type = "text", text } } });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
