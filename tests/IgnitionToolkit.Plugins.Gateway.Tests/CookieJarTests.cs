using IgnitionToolkit.Plugins.Gateway.Client;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

/// <summary>A gateway session's cookies follow the cookie rules: host, path and expiry.</summary>
[Trait("Category", "Unit")]
public sealed class CookieJarTests
{
    private static readonly Uri Gateway = new("http://gw.example:8088/data/app/login");

    [Fact]
    public void A_cookie_goes_to_its_host_and_path_only()
    {
        var jar = new CookieJar();
        jar.Collect(Answer(Gateway, "webui-sid=abc; Path=/; HttpOnly", "scoped=1; Path=/data/perspective"));

        Assert.Equal("webui-sid=abc", jar.HeaderFor(new Uri("http://gw.example:8088/data/api/v1/overview")));
        Assert.Contains("scoped=1", jar.HeaderFor(new Uri("http://gw.example:8088/data/perspective/client/X")));
        Assert.Null(jar.HeaderFor(new Uri("http://other.example:8088/data/api/v1/overview")));
        Assert.True(jar.Has(n => n.StartsWith("webui-sid", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_expired_or_removed_cookie_is_no_longer_sent()
    {
        var jar = new CookieJar();
        jar.Collect(Answer(Gateway, "webui-sid=abc; Path=/", "old=1; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        Assert.Equal("webui-sid=abc", jar.HeaderFor(Gateway));

        jar.Collect(Answer(Gateway, "webui-sid=; Path=/; Max-Age=0"));
        Assert.Null(jar.HeaderFor(Gateway));
        Assert.False(jar.Has(_ => true));
    }

    private static HttpResponseMessage Answer(Uri uri, params string[] setCookies)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, uri) };
        foreach (var cookie in setCookies) response.Headers.TryAddWithoutValidation("Set-Cookie", cookie);
        return response;
    }
}
