using IgnitionToolkit.Core.Messaging;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Bus naming for this process (see <see cref="BusEndpoints"/>).</summary>
public sealed record BusSettings(string Prefix)
{
    public Uri ExecutionsQueue => BusEndpoints.ExecutionsQueueAddress(Prefix);

    public static BusSettings From(IConfiguration configuration) => new(configuration[BusEndpoints.PrefixKey] ?? string.Empty);
}
