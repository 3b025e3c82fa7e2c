using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using static IgnitionToolkit.GatewaySimulator.Tests.TestHelpers;

namespace IgnitionToolkit.GatewaySimulator.Tests;

[Trait("Category", "Functional")]
public sealed class LoginTests
{
    private const string GatewayId = "5f3c2a1e";

    /// <summary>A browser-like client: cookies kept, redirects not followed so each step is visible.</summary>
    private sealed class Browser : IDisposable
    {
        public Browser(SimulatorServer sim)
        {
            Handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies };
            Client = sim.CreateClient(handler: Handler);
        }

        public CookieContainer Cookies { get; } = new();
        public HttpClientHandler Handler { get; }
        public HttpClient Client { get; }

        public Cookie? Cookie(string prefix) =>
            Cookies.GetCookies(Client.BaseAddress!).FirstOrDefault(c => c.Name.StartsWith(prefix, StringComparison.Ordinal));

        public void Dispose()
        {
            Client.Dispose();
            Handler.Dispose();
        }
    }

    private static async Task<JsonElement> PostJsonAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> FollowToLoginPageAsync(Browser browser)
    {
        using var step1 = await browser.Client.GetAsync("data/app/login");
        Assert.Equal(HttpStatusCode.Redirect, step1.StatusCode);
        Assert.StartsWith("/idp/default/oidc/auth?", step1.Headers.Location!.OriginalString);
        Assert.NotNull(browser.Cookie("idp-relay-"));

        using var step2 = await browser.Client.GetAsync(step1.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        var loginUrl = step2.Headers.Location!.OriginalString;
        Assert.StartsWith("/idp/default/authn/login?", loginUrl);
        Assert.NotNull(browser.Cookie("idp-sid-default-"));
        return loginUrl;
    }

    private static string Token(string url) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), url).Query)["token"]!;

    [Fact]
    public async Task The_eight_step_login_rotates_tokens_and_yields_a_session_with_a_csrf_token()
    {
        await using var sim = await StartAsync();
        using var browser = new Browser(sim);

        var loginUrl = await FollowToLoginPageAsync(browser);
        var t0 = Token(loginUrl);
        using (var page = await browser.Client.GetAsync(loginUrl))
        {
            Assert.Contains("username-field", await page.Content.ReadAsStringAsync());
        }

        var step3 = await PostJsonAsync(browser.Client, "idp/default/authn/next-challenge", new { token = t0 });
        Assert.False(step3.GetProperty("complete").GetBoolean());
        Assert.Equal("basic", step3.GetProperty("nextChallenge")[0].GetProperty("type").GetString());
        var t1 = step3.GetProperty("token").GetString()!;

        var step4 = await PostJsonAsync(browser.Client, "idp/default/authn/submit-challenge/basic",
            new { token = t1, rememberMe = false, challenge = new { username = "admin", password = "password" } });
        Assert.True(step4.GetProperty("success").GetBoolean());
        var t2 = step4.GetProperty("token").GetString()!;

        var step5 = await PostJsonAsync(browser.Client, "idp/default/authn/next-challenge", new { token = t2 });
        Assert.True(step5.GetProperty("complete").GetBoolean());
        var t3 = step5.GetProperty("token").GetString()!;
        Assert.Equal(4, new[] { t0, t1, t2, t3 }.Distinct().Count());

        var authQuery = new Uri(new Uri("http://x"), loginUrl).Query.TrimStart('?').Replace($"token={Uri.EscapeDataString(t0)}", $"token={Uri.EscapeDataString(t3)}");
        using var step6 = await browser.Client.GetAsync($"idp/default/oidc/auth?{authQuery}");
        Assert.Equal(HttpStatusCode.Redirect, step6.StatusCode);
        Assert.StartsWith("/data/federate/callback/internal?code=", step6.Headers.Location!.OriginalString);

        using var step7 = await browser.Client.GetAsync(step6.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, step7.StatusCode);
        Assert.Equal("/app", step7.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(step7.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"webui-sid-{GatewayId}=", setCookie);
        Assert.Contains("Path=/", setCookie);
        Assert.Contains("HttpOnly", setCookie);
        Assert.Contains("SameSite=Strict", setCookie);

        var session = await GetJsonAsync(browser.Client, "data/app/session");
        Assert.Equal("admin", session.GetProperty("userPayload").GetProperty("username").GetString());
        var csrf = session.GetProperty("csrfToken").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("data/api/v1/gateway-info")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.PostAsync("data/api/v1/scan/projects", null)).StatusCode);
        using var withCsrf = new HttpRequestMessage(HttpMethod.Post, "data/api/v1/scan/projects");
        withCsrf.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.SendAsync(withCsrf)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.Client.PostAsync("data/app/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("data/app/session")).StatusCode);
    }

    [Fact]
    public async Task A_replayed_token_gets_an_html_400()
    {
        await using var sim = await StartAsync();
        using var browser = new Browser(sim);
        var t0 = Token(await FollowToLoginPageAsync(browser));

        await PostJsonAsync(browser.Client, "idp/default/authn/next-challenge", new { token = t0 });
        using var replay = await browser.Client.PostAsJsonAsync("idp/default/authn/next-challenge", new { token = t0 });

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("text/html", replay.Content.Headers.ContentType?.MediaType);
        using var garbage = await browser.Client.PostAsJsonAsync("idp/default/authn/submit-challenge/basic",
            new { token = "made-up", challenge = new { username = "admin", password = "password" } });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_200_with_success_false_and_the_flow_can_continue()
    {
        await using var sim = await StartAsync();
        using var browser = new Browser(sim);
        var t0 = Token(await FollowToLoginPageAsync(browser));
        var t1 = (await PostJsonAsync(browser.Client, "idp/default/authn/next-challenge", new { token = t0 })).GetProperty("token").GetString();

        var wrong = await PostJsonAsync(browser.Client, "idp/default/authn/submit-challenge/basic",
            new { token = t1, rememberMe = false, challenge = new { username = "admin", password = "nope" } });
        Assert.False(wrong.GetProperty("success").GetBoolean());
        var t2 = wrong.GetProperty("token").GetString();
        Assert.NotEqual(t1, t2);

        var stillOpen = await PostJsonAsync(browser.Client, "idp/default/authn/next-challenge", new { token = t2 });
        Assert.False(stillOpen.GetProperty("complete").GetBoolean());
        var right = await PostJsonAsync(browser.Client, "idp/default/authn/submit-challenge/basic",
            new { token = stillOpen.GetProperty("token").GetString(), rememberMe = false, challenge = new { username = "admin", password = "password" } });
        Assert.True(right.GetProperty("success").GetBoolean());
    }

    /// <summary>Walks steps 1–7 and returns the CSRF token of the new session.</summary>
    private static async Task<string> LoginAsync(Browser browser, string username, string password)
    {
        var t = Token(await FollowToLoginPageAsync(browser));
        t = (await PostJsonAsync(browser.Client, "idp/default/authn/next-challenge", new { token = t })).GetProperty("token").GetString()!;
        var submit = await PostJsonAsync(browser.Client, "idp/default/authn/submit-challenge/basic",
            new { token = t, rememberMe = false, challenge = new { username, password } });
        Assert.True(submit.GetProperty("success").GetBoolean());
        t = submit.GetProperty("token").GetString()!;
        t = (await PostJsonAsync(browser.Client, "idp/default/authn/next-challenge", new { token = t })).GetProperty("token").GetString()!;
        using var step6 = await browser.Client.GetAsync($"idp/default/oidc/auth?state=x&token={Uri.EscapeDataString(t)}");
        using var step7 = await browser.Client.GetAsync(step6.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, step7.StatusCode);
        return (await GetJsonAsync(browser.Client, "data/app/session")).GetProperty("csrfToken").GetString()!;
    }

    [Fact]
    public async Task A_read_only_user_gets_403_on_writes_even_with_the_csrf_token()
    {
        await using var sim = await StartAsync();
        using var browser = new Browser(sim);
        var csrf = await LoginAsync(browser, "viewer", "viewer");

        using var write = new HttpRequestMessage(HttpMethod.Post, "data/api/v1/scan/projects");
        write.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.SendAsync(write)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("data/api/v1/projects/list")).StatusCode);
    }

    [Fact]
    public async Task Web_sessions_do_not_survive_a_restart()
    {
        await using var sim = await StartAsync(FastRestart(refuseMs: 100, durationMs: 500));
        using var browser = new Browser(sim);
        var csrf = await LoginAsync(browser, "admin", "password");

        using var restart = new HttpRequestMessage(HttpMethod.Post, "data/api/v1/restart-tasks/restart?confirm=true");
        restart.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.SendAsync(restart)).StatusCode);
        await WaitThroughRestartAsync(browser.Client, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(120));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("data/app/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("data/api/v1/gateway-info")).StatusCode);
        await LoginAsync(browser, "admin", "password");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("data/api/v1/gateway-info")).StatusCode);
    }
}
