using System.Data.Common;
using System.Globalization;

namespace IgnitionToolkit.Plugins.Ai.Providers;

/// <summary>Which client library speaks to the provider.</summary>
public enum AiProviderKind
{
    /// <summary>The Anthropic Messages API (official <c>Anthropic</c> SDK).</summary>
    Anthropic,
    /// <summary>The OpenAI Chat Completions API: OpenAI, Azure OpenAI (v1 endpoint), Ollama, LM Studio, vLLM.</summary>
    OpenAI,
}

/// <summary>Price of a model in US dollars per million tokens, for the estimated cost of a call.</summary>
public sealed record AiPrice(decimal InputPerMillion, decimal OutputPerMillion);

/// <summary>
/// The AI settings of a deployment (<c>Toolkit:Ai:*</c>, or the connection string <c>ConnectionStrings:ai</c>
/// <c>Provider=…;Model=…;Endpoint=…</c>; settings win over the connection string). The API key is never a setting: it is
/// the field <c>api_key</c> of the vault credential named by <see cref="Credential"/>.
/// </summary>
public sealed record AiSettings
{
    public const string Section = "Toolkit:Ai";
    public const string ConnectionStringKey = "ConnectionStrings:ai";
    public const string KeyField = "api_key";
    /// <summary>For the command line (which has no vault): the key from this environment variable, never from a file.</summary>
    public const string KeyEnvironmentVariable = "TOOLKIT_AI_API_KEY";

    public bool Enabled { get; init; } = true;
    public AiProviderKind? Provider { get; init; }
    /// <summary>The name written in the settings (anthropic, openai, azure-openai, ollama...), shown to users.</summary>
    public string ProviderName { get; init; } = "";
    public string? Model { get; init; }
    public Uri? Endpoint { get; init; }
    public string Credential { get; init; } = "ai";
    public int MaxOutputTokens { get; init; } = 1024;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public IReadOnlyDictionary<string, AiPrice> Prices { get; init; } = new Dictionary<string, AiPrice>(StringComparer.OrdinalIgnoreCase);
    /// <summary>Why the settings cannot be used (a bad value); null when they can, or when AI is simply not configured.</summary>
    public string? Error { get; init; }

    /// <summary>A provider and a model are set and AI is not switched off.</summary>
    public bool IsConfigured => Enabled && Error is null && Provider is not null && !string.IsNullOrWhiteSpace(Model);

    /// <summary>Local OpenAI-compatible servers (Ollama, LM Studio, vLLM) usually need no key.</summary>
    public bool KeyOptional => Provider == AiProviderKind.OpenAI && Endpoint is { } e && (e.IsLoopback || ProviderName is "ollama" or "lmstudio" or "vllm");

    /// <summary>What to set, when AI cannot be used.</summary>
    public string Problem => Error
        ?? (!Enabled ? "AI is switched off on this deployment (Toolkit:Ai:Enabled=false)"
        : "AI assistance is not configured: set Toolkit:Ai:Provider (anthropic, openai, azure-openai, ollama) and Toolkit:Ai:Model, " +
          "and store the API key in the vault as the credential named by Toolkit:Ai:Credential (default 'ai')");

    public string Describe() => $"{ProviderName} model {Model}" + (Endpoint is null ? "" : $" at {Endpoint}");

    public static AiSettings From(Func<string, string?> settings)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? error = null;
        if (settings(ConnectionStringKey) is { Length: > 0 } connection)
        {
            try
            {
                var builder = new DbConnectionStringBuilder { ConnectionString = connection };
                foreach (string key in builder.Keys) values[key] = Convert.ToString(builder[key], CultureInfo.InvariantCulture) ?? "";
            }
            catch (ArgumentException)
            {
                error = $"{ConnectionStringKey} is not a connection string (write Provider=…;Model=…;Endpoint=…)";
            }
            if (values.Keys.FirstOrDefault(k => k.Contains("key", StringComparison.OrdinalIgnoreCase) || k.Contains("token", StringComparison.OrdinalIgnoreCase)) is { } secret)
                error = $"{ConnectionStringKey} must not hold '{secret}': API keys belong in the vault (credential of kind ai_provider)";
        }
        foreach (var name in new[] { "Provider", "Model", "Endpoint" })
            if (settings($"{Section}:{name}") is { Length: > 0 } value) values[name] = value;

        var result = new AiSettings { Error = error };
        if (settings($"{Section}:Enabled") is { Length: > 0 } enabled)
            result = bool.TryParse(enabled, out var on) ? result with { Enabled = on } : result with { Error = $"{Section}:Enabled must be true or false, not '{enabled}'" };
        if (values.TryGetValue("Provider", out var provider))
        {
            var name = provider.Trim().ToLowerInvariant();
            AiProviderKind? kind = name switch
            {
                "anthropic" or "claude" => AiProviderKind.Anthropic,
                "openai" or "azure-openai" or "azureopenai" or "ollama" or "lmstudio" or "vllm" => AiProviderKind.OpenAI,
                _ => null,
            };
            result = kind is null
                ? result with { Error = $"{Section}:Provider '{provider}' is unknown: use anthropic, openai, azure-openai, ollama, lmstudio or vllm" }
                : result with { Provider = kind, ProviderName = name };
        }
        if (values.TryGetValue("Model", out var model)) result = result with { Model = model.Trim() };
        if (values.TryGetValue("Endpoint", out var endpoint))
        {
            result = Uri.TryCreate(endpoint.EndsWith('/') ? endpoint : endpoint + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? result with { Endpoint = uri }
                : result with { Error = $"{Section}:Endpoint '{endpoint}' is not an absolute http(s) URL" };
        }
        if (result.ProviderName is "ollama" && result.Endpoint is null) result = result with { Endpoint = new Uri("http://localhost:11434/v1/") };
        if (result.ProviderName is "azure-openai" or "azureopenai" && result.Endpoint is null)
            result = result with { Error = $"{Section}:Endpoint is required for Azure OpenAI (https://<resource>.openai.azure.com/openai/v1/)" };
        if (settings($"{Section}:Credential") is { Length: > 0 } credential) result = result with { Credential = credential };
        if (int.TryParse(settings($"{Section}:MaxOutputTokens"), out var tokens) && tokens > 0) result = result with { MaxOutputTokens = tokens };
        if (double.TryParse(settings($"{Section}:TimeoutSeconds"), CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            result = result with { Timeout = TimeSpan.FromSeconds(seconds) };
        return result with { Prices = ReadPrices(settings, result.Model) };
    }

    /// <summary>The price of <see cref="Model"/> (<c>Toolkit:Ai:Prices:&lt;model&gt;:Input</c> and <c>:Output</c>, per million tokens).</summary>
    private static Dictionary<string, AiPrice> ReadPrices(Func<string, string?> settings, string? model)
    {
        var prices = new Dictionary<string, AiPrice>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(model)) return prices;
        static decimal? Read(string? text) =>
            decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;
        var input = Read(settings($"{Section}:Prices:{model}:Input"));
        var output = Read(settings($"{Section}:Prices:{model}:Output"));
        if (input is not null || output is not null) prices[model] = new AiPrice(input ?? 0, output ?? 0);
        return prices;
    }
}
