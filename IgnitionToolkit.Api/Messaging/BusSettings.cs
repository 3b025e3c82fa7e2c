using IgnitionToolkit.Contracts.Bus;

namespace IgnitionToolkit.Api.Messaging;

/// <summary>Bus naming for this process (see <see cref="BusEndpoints"/>).</summary>
public sealed record BusSettings(string Prefix)
{
    /// <summary>How long a send or publish may wait for the broker before the request fails with 503.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    public Uri ExecutionsQueue => BusEndpoints.ExecutionsQueueAddress(Prefix);

    public static BusSettings From(IConfiguration configuration) => new(configuration[BusEndpoints.PrefixKey] ?? string.Empty);
}
