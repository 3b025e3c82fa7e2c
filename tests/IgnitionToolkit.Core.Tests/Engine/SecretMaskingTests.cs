using System.Text.Json;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Testing.Engine;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Tests.Engine;

public class SecretMaskingTests
{
    private const string Secret = "s3cr3t-Passw0rd";

    [Fact]
    public async Task Credential_values_never_leave_the_engine_in_clear_text()
    {
        var credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gw"] = new Dictionary<string, string> { ["username"] = "admin", ["password"] = Secret },
        };
        var run = new EngineHarness(new FailStep()).Start(Of(
                Step("log", "utility.log", new { message = "logging in with {{ credential.gw.password }}" }),
                Step("keep", "utility.set_variable", new { name = "pw", value = "{{ credential.gw.password }}" }),
                Step("fail", "test.fail", new { message = "login refused for password {{ variable.pw }}" })),
            credentials: credentials);

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        var everything = JsonSerializer.Serialize(run.Events.All.Select(e => (object)e));
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.Contains(run.Events.OfType<LogEvent>(), l => l.Message == "logging in with ***");
        Assert.Contains("***", run.FinishedStep("fail").Error);
    }

    [Fact]
    public async Task Password_like_playbook_parameters_are_masked()
    {
        var parameters = new[] { new IgnitionToolkit.Core.Playbooks.PlaybookParameter("password", IgnitionToolkit.Core.Playbooks.ParameterType.String, true, null, null, new("t", 1, 1)) };
        var run = new EngineHarness().Start(Of(parameters, Step("log", "utility.log", new { message = "pw={{ parameter.password }}" })),
            parameters: new Dictionary<string, object?> { ["password"] = Secret });

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("pw=***", run.Events.OfType<LogEvent>().Single(l => l.StepPath == "log").Message);
    }

    [Fact]
    public async Task The_secret_part_of_an_api_token_is_masked_on_its_own_too()
    {
        var credentials = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gw"] = new Dictionary<string, string> { ["token"] = "toolkit:" + Secret },
        };
        var run = new EngineHarness().Start(Of(Step("log", "utility.log", new { message = "secret part: " + Secret })), credentials: credentials);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("secret part: ***", run.Events.OfType<LogEvent>().Single(l => l.StepPath == "log").Message);
    }
}
