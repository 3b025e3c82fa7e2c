using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Credentials;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Plugins.Gateway.Tests;

/// <summary>The gateway plugin's <c>gateway_login</c> binder: which start parameters a credential fills, and which of its
/// fields the engine shows (user name, URL) or masks (everything else).</summary>
[Trait("Category", "Unit")]
public sealed class CredentialBinderTests
{
    private const string Password = "Gw-S3cret-Passw0rd";

    private static readonly Dictionary<string, string> Login = new()
    {
        ["username"] = "operator", ["password"] = Password, ["gateway_url"] = "http://plant-a:8088",
    };

    private static PlaybookParameter Parameter(string name) => new(name, ParameterType.String, false, null, null, new("t", 1, 1));

    [Fact]
    public void Registered_by_the_gateway_plugin_it_fills_the_declared_parameters_not_given_and_marks_the_password_secret()
    {
        var binders = new ServiceCollection().AddLogging().AddGatewaySteps().BuildServiceProvider().GetRequiredService<CredentialBinders>();
        var binder = binders.Find("gateway_login");
        Assert.IsType<GatewayLoginBinder>(binder);

        var playbook = Of([Parameter("gateway_url"), Parameter("username"), Parameter("password")], Step("log", "utility.log", new { message = "x" }));
        var filled = binder.Fill(playbook, Login, given: name => name == "gateway_url");

        Assert.Equal([new FilledParameter("username", "operator", false), new FilledParameter("password", Password, true)], filled);
        Assert.Empty(binder.Fill(Of(Step("log", "utility.log", new { message = "x" })), Login, _ => false)); // nothing declared, nothing filled
        Assert.Null(binders.Find("api_token"));
    }

    [Fact]
    public async Task The_engine_shows_the_user_name_and_url_of_a_gateway_login_and_masks_its_password()
    {
        var services = new ServiceCollection().AddLogging().AddGatewaySteps().BuildServiceProvider();
        var run = new EngineHarness(services).Start(Of(Step("log", "utility.log",
                new { message = "{{ credential.gw.username }} at {{ credential.gw.gateway_url }} with {{ credential.gw.password }}" })),
            credentials: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["gw"] = Login });

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("operator at http://plant-a:8088 with ***", run.Events.OfType<LogEvent>().Single(l => l.StepPath == "log").Message);
    }

    [Fact]
    public async Task Without_a_binder_that_declares_them_plain_every_credential_field_is_masked()
    {
        var run = new EngineHarness().Start(Of(Step("log", "utility.log", new { message = "{{ credential.gw.username }} {{ credential.gw.password }}" })),
            credentials: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["gw"] = Login });

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("*** ***", run.Events.OfType<LogEvent>().Single(l => l.StepPath == "log").Message);
    }
}
