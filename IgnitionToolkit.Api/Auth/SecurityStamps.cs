using System.Security.Cryptography;

namespace IgnitionToolkit.Api.Auth;

/// <summary>New security stamps: 128 random bits as 32 hex digits.</summary>
public static class SecurityStamps
{
    /// <summary>Claim of the access token that carries the stamp of the user at issue.</summary>
    public const string Claim = "stamp";

    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
