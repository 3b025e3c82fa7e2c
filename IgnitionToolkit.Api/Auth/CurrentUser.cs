using System.Net;

namespace IgnitionToolkit.Api.Auth;

/// <summary>The signed-in user of the current request (name, role, client address).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string Anonymous = "anonymous";

    public string Name => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;

    public string? Role => accessor.HttpContext?.User.FindFirst(TokenIssuer.RoleClaim)?.Value;

    public string? ClientIp => ClientAddress(accessor.HttpContext);

    public static string? ClientAddress(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;

    public static string ClientKey(HttpContext context) => ClientAddress(context) ?? IPAddress.None.ToString();
}
