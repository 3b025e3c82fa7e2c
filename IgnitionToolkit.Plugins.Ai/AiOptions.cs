namespace IgnitionToolkit.Plugins.Ai;

/// <summary>
/// Settings of the AI steps (section <c>Ai</c>, e.g. <c>Ai__ApiKey</c>): an Anthropic-compatible Messages API.
/// Without an API key the AI steps fail with a message saying how to configure them (playbooks usually give them
/// <c>on_failure: continue</c>).
/// </summary>
public sealed record AiOptions
{
    public const string Section = "Ai";

    /// <summary>API key (secret; never logged). Empty: AI steps are not configured.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Base address of the Messages API.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.anthropic.com/");

    public string Model { get; init; } = "claude-sonnet-4-5";

    public int MaxTokens { get; init; } = 1024;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Reads the options from a configuration lookup (<c>Ai:ApiKey</c>, <c>Ai:BaseUrl</c>, <c>Ai:Model</c>, <c>Ai:MaxTokens</c>, <c>Ai:TimeoutSeconds</c>).</summary>
    public static AiOptions From(Func<string, string?> settings)
    {
        var options = new AiOptions { ApiKey = settings($"{Section}:ApiKey") };
        if (settings($"{Section}:BaseUrl") is { Length: > 0 } url)
            options = options with { BaseUrl = Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"Ai__BaseUrl '{url}' is not an absolute URL") };
        if (settings($"{Section}:Model") is { Length: > 0 } model) options = options with { Model = model };
        if (int.TryParse(settings($"{Section}:MaxTokens"), out var tokens) && tokens > 0) options = options with { MaxTokens = tokens };
        if (double.TryParse(settings($"{Section}:TimeoutSeconds"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
        return options;
    }
}
