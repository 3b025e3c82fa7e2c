using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Anthropic.Exceptions;
using IgnitionToolkit.Plugins.Ai.Providers;
using Microsoft.Extensions.AI;

namespace IgnitionToolkit.Plugins.Ai.Chat;

/// <summary>
/// One conversation with the provider on behalf of a step or the API: every text sent is masked first (secrets become
/// <c>***</c>), each call is bounded by the settings' timeout, failures become an <see cref="AiException"/> that says what
/// happened, and the tokens used are added up in <see cref="Usage"/>.
/// </summary>
public sealed class AiChat(AiSettings settings, IChatClient client, Func<string, string> mask)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public AiSettings Settings { get; } = settings;

    public AiUsage Usage { get; private set; } = AiUsage.None(settings.Model ?? "");

    /// <summary>The model's text answer.</summary>
    public async Task<string> AskAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var response = await CallAsync((m, o, t) => client.GetResponseAsync(m, o, t), messages, cancellationToken);
        return response.Text.Trim();
    }

    /// <summary>The model's answer as <typeparamref name="T"/>, asked for through structured output (a JSON schema).</summary>
    /// <exception cref="AiException">No answer, or one that is not a <typeparamref name="T"/> (quoted, shortened).</exception>
    /// <param name="what">What was asked for, in the error message ("a verdict").</param>
    public async Task<T> AskAsync<T>(IEnumerable<ChatMessage> messages, string what, CancellationToken cancellationToken) where T : class
    {
        var response = await CallAsync((m, o, t) => client.GetResponseAsync<T>(m, Json, o, useJsonSchemaResponseFormat: true, t), messages, cancellationToken);
        try
        {
            if (response.TryGetResult(out var result) && result is not null) return result;
        }
        catch (JsonException)
        {
            // reported below with the text
        }
        throw new AiException($"the AI answer is not {what}: {Shorten(mask(response.Text))}");
    }

    private async Task<TResponse> CallAsync<TResponse>(Func<IEnumerable<ChatMessage>, ChatOptions, CancellationToken, Task<TResponse>> call,
        IEnumerable<ChatMessage> messages, CancellationToken cancellationToken) where TResponse : ChatResponse
    {
        var masked = messages.Select(Mask).ToList();
        var options = new ChatOptions { MaxOutputTokens = Settings.MaxOutputTokens, Temperature = 0 };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Settings.Timeout);
        try
        {
            var response = await call(masked, options, timeout.Token);
            Usage = Usage.Add(AiUsage.Of(Settings, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount));
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AiException($"the AI provider ({Settings.Describe()}) did not answer within {Settings.Timeout.TotalSeconds:0.#} s (Toolkit:Ai:TimeoutSeconds)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AiException)
        {
            throw new AiException(Explain(ex), ex);
        }
    }

    private string Explain(Exception ex)
    {
        int? status = ex switch
        {
            ClientResultException r => r.Status,
            AnthropicApiException a => (int)a.StatusCode,
            HttpRequestException h => (int?)h.StatusCode,
            _ => null,
        };
        var what = $"the AI provider ({Settings.Describe()})";
        return status switch
        {
            401 or 403 => $"{what} refused the API key (check the vault credential '{Settings.Credential}')",
            404 => $"{what} does not know the model or the address (check Toolkit:Ai:Model and Toolkit:Ai:Endpoint)",
            429 => $"{what} is rate limiting this key; try again later",
            { } code => $"{what} answered {code}: {Shorten(mask(ex.Message))}",
            null when ex is HttpRequestException => $"{what} cannot be reached: {Shorten(mask(ex.Message))}",
            _ => $"{what} sent an answer that cannot be read: {Shorten(mask(ex.Message))}",
        };
    }

    private ChatMessage Mask(ChatMessage message) =>
        new(message.Role, [.. message.Contents.Select(c => c is TextContent text ? new TextContent(mask(text.Text)) : c)]);

    internal static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
