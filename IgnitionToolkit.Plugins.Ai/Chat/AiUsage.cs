using System.Globalization;
using IgnitionToolkit.Plugins.Ai.Providers;

namespace IgnitionToolkit.Plugins.Ai.Chat;

/// <summary>Tokens used by one or more calls, and their estimated cost (null when no price is set for the model).</summary>
public sealed record AiUsage(string Model, long InputTokens, long OutputTokens, decimal? EstimatedCost)
{
    public const string OutputName = "usage";

    public long TotalTokens => InputTokens + OutputTokens;

    public static AiUsage None(string model) => new(model, 0, 0, null);

    public static AiUsage Of(AiSettings settings, long? input, long? output)
    {
        var model = settings.Model ?? "";
        decimal? cost = settings.Prices.TryGetValue(model, out var price)
            ? Math.Round(((input ?? 0) * price.InputPerMillion + (output ?? 0) * price.OutputPerMillion) / 1_000_000m, 6)
            : null;
        return new AiUsage(model, input ?? 0, output ?? 0, cost);
    }

    public AiUsage Add(AiUsage other) => new(Model, InputTokens + other.InputTokens, OutputTokens + other.OutputTokens,
        EstimatedCost is null && other.EstimatedCost is null ? null : (EstimatedCost ?? 0) + (other.EstimatedCost ?? 0));

    /// <summary>The step output <c>usage</c>: a map the API sums per execution.</summary>
    public Dictionary<string, object?> ToOutput() => new(StringComparer.Ordinal)
    {
        ["model"] = Model,
        ["input_tokens"] = InputTokens,
        ["output_tokens"] = OutputTokens,
        ["total_tokens"] = TotalTokens,
        ["estimated_cost_usd"] = EstimatedCost is { } c ? (double)c : null,
    };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{InputTokens} input + {OutputTokens} output tokens") +
        (EstimatedCost is { } cost ? string.Create(CultureInfo.InvariantCulture, $", about ${cost:0.####}") : "");
}
