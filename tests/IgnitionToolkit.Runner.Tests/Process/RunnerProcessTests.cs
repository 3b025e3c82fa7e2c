using System.Diagnostics;
using System.Text.RegularExpressions;
using IgnitionToolkit.Runner.Tests.Bus;
using IgnitionToolkit.Runner.Tests.Support;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Runner.Tests.Process;

/// <summary>The real executable: verbs are dispatched by Program, and the hosted Runner stops on SIGTERM in time.</summary>
[Trait("Category", "Functional")]
public sealed partial class RunnerProcessTests
{
    [Fact]
    public async Task Cli_verbs_are_dispatched_by_the_executable()
    {
        using var help = new RunnerProcess(["--help"]);
        Assert.Equal(0, await help.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("migrate-playbooks", help.Output);
        Assert.Contains("Rewrite v2 playbooks to v3", help.Output);

        using var missing = new RunnerProcess(["run", "/no/such/playbook.yaml"]);
        Assert.Equal(2, await missing.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("/no/such/playbook.yaml: error: file not found", missing.Output);
        Assert.DoesNotContain("   at ", missing.Output);
    }

    [Fact]
    public async Task Cli_binds_and_checks_the_gateway_settings_the_hosted_runner_binds()
    {
        using var data = new TempFolder();
        var playbook = data.Write("hello.yaml", Support.TestPlaybooks.ThreeLogs);
        var settings = new Dictionary<string, string>
        {
            ["Toolkit__DataDirectory"] = data.Path,
            ["Toolkit__Gateway__RequestTimeout"] = "-00:00:05",
        };

        using var refused = new RunnerProcess(["run", playbook], settings, workingDirectory: data.Path);
        Assert.Equal(2, await refused.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Toolkit:Gateway:RequestTimeout", refused.Output);
        Assert.DoesNotContain("   at ", refused.Output);

        settings["Toolkit__Gateway__RequestTimeout"] = "00:00:05";
        using var valid = new RunnerProcess(["run", playbook], settings, workingDirectory: data.Path);
        Assert.Equal(0, await valid.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Hosted_runner_started_from_another_folder_is_healthy_and_exits_on_sigterm()
    {
        using var data = new TempFolder();
        var prefix = $"test-{Guid.NewGuid():N}-";
        using var runner = new RunnerProcess([], new Dictionary<string, string>
        {
            ["ConnectionStrings__messaging"] = TestServices.RabbitMq,
            ["Toolkit__Bus__Prefix"] = prefix,
            ["Toolkit__DataDirectory"] = data.Path,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        }, workingDirectory: data.Path);
        try
        {
            await Wait.UntilAsync(() => ListeningOn().IsMatch(runner.Output), TimeSpan.FromSeconds(60), "the Runner to listen");
            var address = ListeningOn().Match(runner.Output).Groups[1].Value;
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var health = await http.GetAsync("/health");
            Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());

            var clock = Stopwatch.StartNew();
            await runner.TerminateAsync();
            var code = await runner.WaitForExitAsync(TimeSpan.FromMinutes(5));

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"exit took {clock.Elapsed}"); // a hang, not a speed
            Assert.Equal(0, code);
        }
        finally
        {
            await TestBroker.DeleteAsync(prefix);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
