namespace IgnitionToolkit.Testing;

/// <summary>More API instances for one stack: they share its database, broker prefix, data folder and keys, as replicas
/// behind a load balancer do (docs/deployment.md).</summary>
public sealed partial class ToolkitStack
{
    private readonly List<ToolkitProcess> _extraApis = [];
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>Every API instance's environment: the stack's, plus the token signing key all instances share and the
    /// first admin (created once, by whichever instance starts first).</summary>
    private Dictionary<string, string> ApiEnvironment => new(_environment)
    {
        ["Toolkit__Auth__SigningKey"] = _signingKey,
        ["Toolkit__Auth__AdminUser"] = AdminUser,
        ["Toolkit__Auth__AdminPassword"] = AdminPassword,
        ["OTEL_SERVICE_NAME"] = "api", // as the AppHost names the services in telemetry
    };

    /// <summary>The API instances started after the first (<see cref="Api"/>).</summary>
    public IReadOnlyList<ToolkitProcess> ExtraApis => _extraApis;

    /// <summary>Starts another API instance on its own port and waits until it is healthy.</summary>
    public async Task<ToolkitProcess> AddApiAsync()
    {
        var api = ToolkitProcess.Start("IgnitionToolkit.Api", WorkingDirectory, ApiEnvironment);
        _extraApis.Add(api);
        await api.WaitHealthyAsync(Wait.ServiceStart);
        return api;
    }
}
