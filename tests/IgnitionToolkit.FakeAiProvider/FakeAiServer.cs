using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace IgnitionToolkit.FakeAiProvider;

/// <summary>
/// A fake AI provider over real HTTP on 127.0.0.1: speaks the Anthropic Messages API (<c>POST …/v1/messages</c>) and the
/// OpenAI Chat Completions API (<c>POST …/chat/completions</c>, any prefix such as <c>/v1</c> or Azure's <c>/openai/v1</c>)
/// well enough for the official SDKs, records every request, and answers the scripted <see cref="FakeAnswer"/>s in order
/// (then <see cref="DefaultAnswer"/>).
/// </summary>
public sealed class FakeAiServer : IAsyncDisposable
{
    public const string Key = "fake-ai-key-8d41c7";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeAnswer> _answers = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeAiServer(WebApplication app) => _app = app;

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The key clients must send (<c>x-api-key</c> or <c>Authorization: Bearer</c>); null accepts any or none.</summary>
    public string? RequiredKey { get; set; } = Key;

    public string DefaultAnswer { get; set; } = "ok";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Answer(params FakeAnswer[] answers)
    {
        foreach (var answer in answers) _answers.Enqueue(answer);
    }

    public static async Task<FakeAiServer> StartAsync(string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var server = new FakeAiServer(app);
        app.MapPost("/{**path}", (Delegate)server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var api = path.EndsWith("/messages", StringComparison.Ordinal) ? "anthropic"
            : path.EndsWith("/chat/completions", StringComparison.Ordinal) ? "openai" : null;
        if (api is null) return Results.NotFound();
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        Requests.Enqueue(new RecordedRequest(api, path, headers, body));

        // Anthropic's API takes x-api-key; its .NET SDK 13 sends the key as a bearer token, as OpenAI clients do.
        var sentKey = headers.GetValueOrDefault("x-api-key") ?? headers.GetValueOrDefault("authorization")?.Replace("Bearer ", "", StringComparison.Ordinal);
        var answer = _answers.TryDequeue(out var scripted) ? scripted : FakeAnswer.Of(DefaultAnswer);
        if (RequiredKey is not null && sentKey != RequiredKey) answer = FakeAnswer.Error(401);
        if (answer.Hang)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }
        if (answer.Malformed) return Results.Text("{\"id\": \"broken", "application/json");
        if (answer.Status != 200) return FakeResponses.Error(api, answer.Status);
        var model = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        return api == "anthropic" ? FakeResponses.Anthropic(model, answer) : FakeResponses.OpenAI(model, answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
