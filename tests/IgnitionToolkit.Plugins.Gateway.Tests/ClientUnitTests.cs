using System.Net;
using IgnitionToolkit.Plugins.Gateway.Client;
using IgnitionToolkit.Plugins.Gateway.Sessions;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Unit")]
public sealed class ClientUnitTests
{
    [Fact]
    public void Gwinfo_text_is_parsed_into_key_values()
    {
        var info = GatewayClient.ParseGwInfo("ContextStatus=RUNNING;PlatformName=Ignition-host;Version=8.3.6;PlatformEdition=;OS=Linux;allowDesignerSSO=false");
        Assert.Equal("RUNNING", info["ContextStatus"]);
        Assert.Equal("8.3.6", info["version"]);
        Assert.Equal("", info["PlatformEdition"]);
    }

    [Theory]
    [InlineData("localhost:8088", "http://localhost:8088/")]
    [InlineData("https://gw.example.com/", "https://gw.example.com/")]
    [InlineData(" http://10.0.0.5:8088/ ", "http://10.0.0.5:8088/")]
    public void Gateway_urls_are_normalised(string input, string expected) =>
        Assert.Equal(expected, GatewayConnectionFactory.NormalizeUrl(input).AbsoluteUri);

    [Fact]
    public void A_non_http_url_is_refused_with_an_example() =>
        Assert.Contains("expected e.g. http://localhost:8088", Assert.Throws<ArgumentException>(() => GatewayConnectionFactory.NormalizeUrl("ftp://x")).Message);

    [Fact]
    public void Error_bodies_are_reduced_to_one_readable_line()
    {
        Assert.Equal("HTTP ERROR 500 Simulated server error", GatewayErrors.Summarize("<html><body><h2>HTTP ERROR 500</h2><p>Simulated server error</p></body></html>"));
        Assert.Equal("The backup is corrupt.", GatewayErrors.Summarize("""{"title":"Restore failed","detail":"The backup is corrupt.","status":400}"""));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, GatewayAuthMode.None, "run gateway.login first")]
    [InlineData(HttpStatusCode.Forbidden, GatewayAuthMode.ApiToken, "the API key 'key' has no permission to restart")]
    [InlineData(HttpStatusCode.ServiceUnavailable, GatewayAuthMode.Login, "wait for it with gateway.wait_for_ready")]
    public void Statuses_become_integrator_messages(HttpStatusCode status, GatewayAuthMode auth, string expected) =>
        Assert.Contains(expected, GatewayErrors.FromStatus(status, "", auth, "key", "http://gw:8088", "restart").Message);

    [Fact]
    public void An_api_token_without_a_name_is_refused()
    {
        using var client = GatewayConnectionFactory.Default.Create("http://localhost:8088");
        Assert.Contains("'keyName:secret'", Assert.Throws<ArgumentException>(() => client.UseApiToken("just-a-secret")).Message);
    }

    [Fact]
    public void Module_states_are_classified()
    {
        Assert.True(new ModuleInfo("a", "A", "1", "LOADING").IsLoading);
        Assert.True(new ModuleInfo("a", "A", "1", "RUNNING").IsRunning);
        Assert.False(new ModuleInfo("a", "A", "1", "FAULTED").IsRunning);
    }

    [Fact]
    public void Uptime_as_a_start_time_shows_a_restart_when_it_moves_forward()
    {
        var at = DateTimeOffset.UtcNow;
        var mark = new RestartMark(at, 1_780_000_000_000);
        Assert.False(mark.RestartedBy(1_780_000_000_000, at.AddSeconds(3)));
        Assert.True(mark.RestartedBy(1_780_000_009_000, at.AddSeconds(10)));
    }

    [Fact]
    public void Uptime_as_a_duration_shows_a_restart_when_it_stops_growing()
    {
        var at = DateTimeOffset.UtcNow;
        var mark = new RestartMark(at, 3_600_000);                       // up for an hour
        Assert.False(mark.RestartedBy(3_603_000, at.AddSeconds(3)));    // kept counting: not restarted yet
        Assert.True(mark.RestartedBy(2_000, at.AddSeconds(10)));        // started again 2 s ago
        Assert.Null(new RestartMark(at, null).RestartedBy(2_000, at));  // no baseline: cannot tell
    }
}
