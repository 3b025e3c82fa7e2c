using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IgnitionToolkit.Api.Auth;

/// <summary>The HMAC key that signs and validates access tokens: <c>Toolkit:Auth:SigningKey</c>, or (outside Production,
/// when unset) a random key for this process, so tokens do not survive a restart.</summary>
public sealed partial class SigningKeys
{
    public SigningKeys(IOptions<AuthOptions> options, ILogger<SigningKeys> logger)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrEmpty(configured))
        {
            LogRandomKey(logger, "Toolkit__Auth__SigningKey");
            Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
        }
        else
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
        }
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: access tokens are signed with a random key and end when the API restarts")]
    private static partial void LogRandomKey(ILogger logger, string setting);
}

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>Creates the signed JWT access token of a user (claims <c>sub</c>, <c>name</c>, <c>role</c>, and <c>stamp</c>,
/// the user's security stamp that <see cref="TokenRevocation"/> checks on every request).</summary>
public sealed class TokenIssuer(SigningKeys keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    public IssuedToken Issue(Guid userId, string userName, string role, string securityStamp)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var expires = now + o.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString("D")), new Claim(NameClaim, userName), new Claim(RoleClaim, role),
                new Claim(SecurityStamps.Claim, securityStamp)]),
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = options.Value.Audience,
        IssuerSigningKey = keys.Key,
        ValidateIssuerSigningKey = true,
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
