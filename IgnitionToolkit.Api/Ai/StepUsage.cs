using System.Globalization;
using System.Text.Json;

namespace IgnitionToolkit.Api.Ai;

/// <summary>Reads the <c>usage</c> output of an AI step (tokens and estimated cost) from its stored outputs.</summary>
internal static class StepUsage
{
    public static AiUsageDto Add(AiUsageDto sum, string outputsJson)
    {
        try
        {
            using var json = JsonDocument.Parse(outputsJson);
            if (!json.RootElement.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object) return sum;
            return sum.Add(Long(usage, "input_tokens"), Long(usage, "output_tokens"),
                usage.TryGetProperty("estimated_cost_usd", out var cost) && cost.ValueKind == JsonValueKind.Number ? cost.GetDecimal() : null);
        }
        catch (JsonException)
        {
            return sum;
        }
    }

    private static long Long(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64()
        : usage.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var n) ? n : 0;
}
