using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>Who made a request under /data/api/v1.</summary>
public sealed record ApiPrincipal(string Name, bool CanWrite, bool ViaCookie, string? CsrfToken);

/// <summary>Users (for the IdP login) and API keys (for <c>X-Ignition-API-Token</c>) from the seed.</summary>
public sealed class Accounts(IOptions<SimulatorOptions> options)
{
    private readonly SimulatorOptions _seed = options.Value;

    public SeedUser? ValidateUser(string? username, string? password)
    {
        var user = _seed.Users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
        return user is not null && SecretEquals(user.Password, password) ? user : null;
    }

    /// <summary>Resolves a whole <c>name:secret</c> token; a secret alone or an unknown key gives null.</summary>
    public ApiPrincipal? ValidateApiToken(string? token)
    {
        var colon = token?.IndexOf(':') ?? -1;
        if (token is null || colon <= 0)
        {
            return null;
        }
        var name = token[..colon];
        var secret = token[(colon + 1)..];
        var key = _seed.ApiKeys.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
        return key is not null && SecretEquals(key.Secret, secret)
            ? new ApiPrincipal(key.Name, key.CanWrite, ViaCookie: false, CsrfToken: null)
            : null;
    }

    private static bool SecretEquals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
