using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using IgnitionToolkit.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IgnitionToolkit.Web.Auth;

/// <summary>Signs a user in with the API (<c>POST /api/v1/auth/login</c>) and keeps the API token in the Web's
/// sign-in cookie (encrypted by ASP.NET Core data protection), expiring with the token.</summary>
public sealed class SignInService(HttpClient http, ILogger<SignInService> logger)
{
    public async Task<string?> SignInAsync(HttpContext context, string userName, string password, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync("/api/v1/auth/login", new { username = userName, password }, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException
                                       or Polly.CircuitBreaker.BrokenCircuitException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Sign-in could not reach the API: {Message}", ex.Message);
            return "The API cannot be reached; try again in a moment.";
        }
        using (response)
        {
            if ((int)response.StatusCode == StatusCodes.Status429TooManyRequests)
                return $"Too many failed sign-ins; try again in {response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 60:0} seconds.";
            if (!response.IsSuccessStatusCode) return "Unknown user name or wrong password.";
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var token = JsonFields.String(body, "access_token") ?? "";
            var expires = body.TryGetProperty("expires_at", out var e) && e.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.UtcNow.AddHours(1);
            var user = body.GetProperty("user");
            var name = JsonFields.String(user, "username") ?? userName;
            var role = JsonFields.String(user, "role") ?? "viewer";
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(WebAuthExtensions.AccessTokenClaim, token)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
                new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false, AllowRefresh = false });
            logger.LogInformation("User {User} signed in", name);
            return null;
        }
    }
}
