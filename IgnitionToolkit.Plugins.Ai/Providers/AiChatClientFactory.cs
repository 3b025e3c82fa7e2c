using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace IgnitionToolkit.Plugins.Ai.Providers;

/// <summary>
/// Builds the <see cref="IChatClient"/> of the configured provider: the official Anthropic SDK, or the OpenAI client
/// (OpenAI, Azure OpenAI's v1 endpoint, Ollama, LM Studio, vLLM), with OpenTelemetry (source <see cref="TelemetrySource"/>,
/// no message content recorded). The SDKs never retry (a paid request is not sent twice) and the caller's cancellation
/// enforces <see cref="AiSettings.Timeout"/>.
/// </summary>
public sealed class AiChatClientFactory(IHttpClientFactory httpClients, ILoggerFactory loggers)
{
    public const string HttpClientName = "ignition-toolkit-ai";
    public const string TelemetrySource = "IgnitionToolkit.Ai";

    public IChatClient Create(AiSettings settings, string? apiKey)
    {
        if (!settings.IsConfigured) throw new AiException(settings.Problem);
        if (string.IsNullOrEmpty(apiKey) && !settings.KeyOptional)
            throw new AiException($"no API key for {settings.Describe()}: add a vault credential named '{settings.Credential}' of kind ai_provider " +
                $"(field {AiSettings.KeyField}); on the command line set the environment variable {AiSettings.KeyEnvironmentVariable}");
        var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = Timeout.InfiniteTimeSpan; // the caller's token carries the timeout
        IChatClient inner = settings.Provider switch
        {
            AiProviderKind.Anthropic => new AnthropicClient
            {
                ApiKey = apiKey,
                BaseUrl = (settings.Endpoint ?? new Uri("https://api.anthropic.com/")).ToString().TrimEnd('/'),
                HttpClient = http,
                MaxRetries = 0,
                Timeout = settings.Timeout + TimeSpan.FromSeconds(30),
            }.AsIChatClient(settings.Model!, settings.MaxOutputTokens),
            _ => new OpenAI.Chat.ChatClient(settings.Model!, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "none" : apiKey), new OpenAIClientOptions
            {
                Endpoint = settings.Endpoint,
                Transport = new HttpClientPipelineTransport(http),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = settings.Timeout + TimeSpan.FromSeconds(30),
            }).AsIChatClient(),
        };
        return new ChatClientBuilder(inner)
            .UseOpenTelemetry(loggers, TelemetrySource, telemetry => telemetry.EnableSensitiveData = false)
            .Build();
    }
}

/// <summary>An AI call could not be made or its answer used; the message says why and what to do (never a secret).</summary>
public sealed class AiException(string message, Exception? inner = null) : Exception(message, inner);
