using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Auth;

public static class AuthTestTools
{
    public static async Task<HttpResponseMessage> LoginAsync(this ApiFixture api, string username, string password)
    {
        using var anonymous = api.CreateAnonymousClient();
        return await anonymous.PostJsonAsync("/api/v1/auth/login", new { username, password });
    }

    /// <summary>Creates a user through the admin API and returns a client signed in as that user (through the login endpoint).</summary>
    public static async Task<HttpClient> CreateUserClientAsync(this ApiFixture api, string role, string? name = null, string password = "user-password-1")
    {
        name ??= role + "-" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await api.Client.PostJsonAsync("/api/v1/users", new { username = name, password, role }))
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var login = await api.LoginAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.ReadJsonAsync())["access_token"]!.GetValue<string>();
        var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
