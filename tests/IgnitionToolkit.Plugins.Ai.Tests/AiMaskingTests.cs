using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.FakeAiProvider;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Plugins.Ai.Tests;

[Trait("Category", "Unit")]
public sealed class AiMaskingTests : IAsyncLifetime
{
    private const string Password = "Vault-Pa55word-771";
    private const string Token = "tok-secret-parameter-9931";
    private FakeAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task Vault_values_and_secret_parameters_never_reach_the_provider(string provider)
    {
        var credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>(AiTestHost.KeyCredential())
        {
            ["gw"] = new Dictionary<string, string> { ["username"] = "admin", ["password"] = Password },
        };
        var playbook = Of(
            [new PlaybookParameter("api_token", ParameterType.String, true, null, null, SourceLocation.None("p.yaml"))],
            Step("ask", "ai.assist", new
            {
                prompt = "Why does the login with {{ credential.gw.username }} / {{ credential.gw.password }} fail?",
                context = new Dictionary<string, object?> { ["token"] = "{{ parameter.api_token }}" },
            }),
            Step("judge", "ai.validate", new { expected = "logged in", actual = "password {{ credential.gw.password }} rejected" }, FailureAction.Continue));
        _server.Answer("Check the password.", """{"pass": false, "confidence": 1, "reasons": ["rejected"]}""");

        // A plugin's credential binder declares which fields are not secret (the gateway plugin: username); without
        // one every credential field is masked.
        var run = AiTestHost.Harness(AiTestHost.Settings(_server, provider), services => services.AddCredentialBinder<LoginBinder>())
            .Start(playbook, parameters: new Dictionary<string, object?> { ["api_token"] = Token }, credentials: credentials);
        await run.CompletionAsync();

        var bodies = _server.Requests.Select(r => r.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain(Password, body);
            Assert.DoesNotContain(Token, body);
            Assert.DoesNotContain(FakeAiServer.Key, body);
            Assert.Contains("***", body);
        });
        Assert.Contains("admin", bodies[0]); // a field a binder declares plain is not secret
    }

    /// <summary>A plugin's binder for a login kind whose <c>username</c> is not secret.</summary>
    private sealed class LoginBinder : ICredentialBinder
    {
        public string Kind => "test_login";

        public IReadOnlySet<string> PlainFields { get; } = new HashSet<string> { "username" };

        public IReadOnlyList<FilledParameter> Fill(Playbook playbook, IReadOnlyDictionary<string, string> fields, Func<string, bool> given) => [];
    }
}
