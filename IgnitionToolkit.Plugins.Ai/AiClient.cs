using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IgnitionToolkit.Plugins.Ai;

/// <summary>An image given to the model with the prompt (e.g. a screenshot artifact).</summary>
public sealed record AiImage(string MediaType, byte[] Data);

/// <summary>Calls the Messages API and returns the model's text, with errors an integrator understands.</summary>
public sealed class AiClient(IHttpClientFactory httpClients, AiOptions options)
{
    public const string HttpClientName = "ignition-toolkit-ai";

    public AiOptions Options { get; } = options;

    public async Task<string> AskAsync(string system, string prompt, AiImage? image, CancellationToken cancellationToken)
    {
        if (!Options.IsConfigured)
            throw new InvalidOperationException("AI assistance is not configured: set Ai__ApiKey (and optionally Ai__BaseUrl, Ai__Model) for the Runner");

        var content = new List<object>();
        if (image is not null)
            content.Add(new { type = "image", source = new { type = "base64", media_type = image.MediaType, data = Convert.ToBase64String(image.Data) } });
        content.Add(new { type = "text", text = prompt });
        var body = new { model = Options.Model, max_tokens = Options.MaxTokens, system, messages = new[] { new { role = "user", content } } };

        using var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = Options.Timeout;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.BaseUrl, "v1/messages")) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-api-key", Options.ApiKey);
        request.Headers.Add("anthropic-version", "2023-06-01");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException($"the AI service at {Options.BaseUrl} cannot be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"the AI service did not answer within {Options.Timeout.TotalSeconds:0} s");
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new InvalidOperationException("the AI service refused the API key (check Ai__ApiKey)");
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"the AI service answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var answer = await response.Content.ReadFromJsonAsync<MessagesResponse>(cancellationToken)
                ?? throw new InvalidOperationException("the AI service sent an empty answer");
            return string.Concat(answer.Content.Where(c => c.Type == "text").Select(c => c.Text)).Trim();
        }
    }

    /// <summary>Formats step context (maps, lists) for a prompt.</summary>
    public static string Describe(object? context) =>
        context is null ? "(none)" : JsonSerializer.Serialize(context, new JsonSerializerOptions { WriteIndented = true });

    private sealed record MessagesResponse([property: JsonPropertyName("content")] IReadOnlyList<ContentBlock> Content);

    private sealed record ContentBlock([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("text")] string? Text);
}
