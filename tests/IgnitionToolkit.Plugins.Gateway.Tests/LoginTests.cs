using System.Text.Json;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;
using static IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure.Assertions;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

[Trait("Category", "Functional")]
public sealed class LoginTests
{
    [Fact]
    public async Task Password_login_goes_through_the_idp_flow_and_later_steps_use_the_cookie_session()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("projects", "gateway.list_projects"),
            Step("scan", "gateway.scan_projects")); // a write: needs the CSRF token of the cookie session

        AssertCompleted(status, run);
        Assert.Equal("login", run.Output("login", "auth"));
        Assert.Equal("admin", run.Output("login", "user"));
        Assert.Equal("8.3.8", run.Output("login", "version"));
        Assert.Equal("Ignition-Simulator", run.Output("login", "gateway_name"));
        Assert.Contains("SCADA_Main", (List<object?>)run.Output("projects", "names")!);
        Assert.Equal(true, run.Output("scan", "scanned"));
        Assert.Equal(1, (await gw.StateAsync()).GetProperty("webSessions").GetInt32());
    }

    [Fact]
    public async Task Login_survives_the_rotating_token_and_can_be_repeated_in_one_execution()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("first", "gateway.login", gw.LoginParameters),
            Step("second", "gateway.login", gw.LoginParameters),
            Step("info", "gateway.get_info"));

        AssertCompleted(status, run);
        // every next-challenge/submit call carried the token returned by the previous one (a replay would be a 400)
        Assert.Equal(4, gw.Requests["POST /idp/default/authn/next-challenge"]);
        Assert.Equal(2, gw.Requests["POST /idp/default/authn/submit-challenge/basic"]);
        Assert.Equal("standard", run.Output("info", "edition"));
        var tokens = gw.Requests.LoginBodies.Select(b => JsonDocument.Parse(b.Body).RootElement.GetProperty("token").GetString()).ToList();
        Assert.Equal(6, tokens.Count);
        Assert.Equal(tokens.Count, tokens.Distinct().Count()); // never the same token twice
    }

    [Fact]
    public async Task A_url_that_is_not_an_ignition_83_gateway_is_explained()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(Step("login", "gateway.login", new { url = gw.Url + "/not-a-gateway", username = "admin", password = "password" }));

        AssertFailedWith(run, "login", "has no Ignition 8.3 web login");
    }

    [Fact]
    public async Task A_wrong_password_fails_with_a_clear_message()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(Step("login", "gateway.login", new { url = gw.Url, username = "admin", password = "nope" }));

        Assert.Equal(ExecutionStatus.Failed, status);
        var error = AssertFailedWith(run, "login", "wrong username or password");
        Assert.Contains("'admin'", error);
        Assert.DoesNotContain("nope", error);
    }

    [Fact]
    public async Task An_api_token_login_checks_the_key_and_names_it()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.WriteToken }),
            Step("modules", "gateway.list_modules"));

        AssertCompleted(status, run);
        Assert.Equal("api_token", run.Output("login", "auth"));
        Assert.Equal("toolkit", run.Output("login", "user"));
        Assert.Equal(3L, run.Output("modules", "count"));
    }

    [Fact]
    public async Task A_wrong_api_token_is_reported_with_the_key_name_but_not_the_secret()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(Step("login", "gateway.login", new { url = gw.Url, api_token = "toolkit:wrong-secret" }));

        var error = AssertFailedWith(run, "login", "rejected the API key 'toolkit'");
        Assert.DoesNotContain("wrong-secret", error);
    }

    [Fact]
    public async Task A_read_only_api_key_gets_a_permission_message_naming_the_key()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, api_token = SimulatorServer.ReadToken }),
            Step("restart", "gateway.restart"));

        AssertFailedWith(run, "restart", "API key 'reader' has no permission to restart the gateway");
        Assert.Equal(0, (await gw.StateAsync()).GetProperty("restartCount").GetInt32());
    }

    [Fact]
    public async Task A_read_only_user_gets_a_permission_message_naming_the_user()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", new { url = gw.Url, username = "viewer", password = "viewer" }),
            Step("trial", "gateway.reset_trial"));

        // (the user name is masked here because this seeded user's password equals its name)
        AssertFailedWith(run, "trial", "has no permission to reset the trial period");
        Assert.StartsWith("user '", run.Step("trial").Error);
    }

    [Fact]
    public async Task Steps_without_a_session_or_url_say_to_log_in_first()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(Step("projects", "gateway.list_projects"));

        AssertFailedWith(run, "projects", "run gateway.login first");
    }

    [Fact]
    public async Task After_logout_the_session_is_gone()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (_, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("logout", "gateway.logout"),
            Step("projects", "gateway.list_projects"));

        Assert.Equal(true, run.Output("logout", "logged_out"));
        AssertFailedWith(run, "projects", "no gateway session");
        Assert.Equal(0, (await gw.StateAsync()).GetProperty("webSessions").GetInt32());
    }

    [Fact]
    public async Task Logout_after_a_restart_does_not_log_in_again_just_to_log_out()
    {
        await using var gw = await GatewayHarness.StartAsync();
        await gw.SetRestartTimingAsync(refuseMs: 100, durationMs: 400, moduleLoadMs: 0);
        var (status, run) = await gw.RunAsync(
            Step("login", "gateway.login", gw.LoginParameters),
            Step("restart", "gateway.restart", new { poll_interval = 0.1, initial_delay = 0.2, wait_for_modules = false }),
            Step("logout", "gateway.logout"));

        AssertCompleted(status, run);
        Assert.Equal(1, gw.Requests["POST /idp/default/authn/submit-challenge/basic"]);
        Assert.Equal(0, (await gw.StateAsync()).GetProperty("webSessions").GetInt32());
    }

    [Fact]
    public async Task A_step_can_address_a_gateway_directly_with_url_and_api_token()
    {
        await using var gw = await GatewayHarness.StartAsync();
        var (status, run) = await gw.RunAsync(Step("projects", "gateway.list_projects", new { url = gw.Url, api_token = SimulatorServer.ReadToken }));

        AssertCompleted(status, run);
        Assert.Equal(3L, run.Output("projects", "count"));
    }
}
