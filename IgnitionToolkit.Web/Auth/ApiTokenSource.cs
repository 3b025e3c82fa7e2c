using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace IgnitionToolkit.Web.Auth;

/// <summary>The signed-in user's API access token, for the REST clients and the hub connection.</summary>
public interface IApiTokenSource
{
    Task<string?> GetTokenAsync();
}

/// <summary>Reads the token from the sign-in cookie's claims: through the circuit's authentication state in interactive
/// components, else from the current request (download endpoints, pre-rendering).</summary>
public sealed class ApiTokenSource(AuthenticationStateProvider authState, IHttpContextAccessor accessor) : IApiTokenSource
{
    public async Task<string?> GetTokenAsync()
    {
        ClaimsPrincipal? user = null;
        try
        {
            user = (await authState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // outside a component (a plain endpoint): no authentication state was set for this scope
        }
        if (user?.Identity?.IsAuthenticated != true) user = accessor.HttpContext?.User;
        return user?.FindFirst(WebAuthExtensions.AccessTokenClaim)?.Value;
    }
}
