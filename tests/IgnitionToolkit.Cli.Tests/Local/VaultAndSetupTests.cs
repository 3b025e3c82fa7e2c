using System.Text.Json;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;
using IgnitionToolkit.GatewaySimulator.Hosting;

namespace IgnitionToolkit.Cli.Tests.Local;

/// <summary><c>init</c>, <c>doctor</c>, the local vault (<c>credential add|list|delete</c>) and a local run with a vault
/// credential against the gateway simulator over HTTP.</summary>
[Trait("Category", "Functional")]
public sealed class VaultAndSetupTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Init_creates_the_data_folder_the_vault_key_and_runnable_samples()
    {
        Assert.Equal(0, await _cli.RunAsync("init"));

        Assert.True(File.Exists(Path.Combine(_cli.DataDirectory, "keys", "vault.key")));
        var sample = Path.Combine(_cli.Library, "samples", "hello_world.yaml");
        Assert.True(File.Exists(sample), _cli.Output);
        Assert.Contains($"next: ignition-toolkit run {Path.Combine(_cli.Library, "samples")}", _cli.Output);
        Assert.Equal(0, await _cli.RunAsync("run", sample));

        Assert.Equal(0, await _cli.RunAsync("init")); // again: nothing replaced
        Assert.Contains("the playbook library is not empty", _cli.Output);
    }

    [Fact]
    public async Task Doctor_prints_one_line_per_check_and_fails_without_a_data_folder()
    {
        Assert.Equal(ExitCodes.Failed, await _cli.RunAsync("doctor"));
        Assert.Contains("ok   .NET runtime: .NET", _cli.Output);
        Assert.Contains("FAIL data folder: ", _cli.Output);

        await _cli.RunAsync("init");
        await _cli.RunAsync("doctor", "--json");
        var checks = JsonDocument.Parse(_cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Contains(checks.EnumerateArray(), c => c.GetProperty("name").GetString() == "data folder" && c.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Credentials_are_added_from_stdin_listed_without_password_and_deleted()
    {
        Assert.Equal(0, await _cli.RunAsync(CancellationToken.None, "gateway-pass-123\n", "credential", "add", "gw1", "--username", "admin", "--password-stdin"));
        Assert.Equal(0, await _cli.RunAsync("credential", "list"));
        Assert.Contains("gw1\tadmin\t", _cli.Output);

        var file = File.ReadAllText(Path.Combine(_cli.DataDirectory, "cli", "credentials.json"));
        Assert.DoesNotContain("gateway-pass-123", file);
        Assert.DoesNotContain("gateway-pass-123", _cli.Output);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_cli.DataDirectory, "cli", "credentials.json")));

        Assert.Equal(0, await _cli.RunAsync("credential", "delete", "gw1"));
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("credential", "delete", "gw1"));
        Assert.Contains("no credential named 'gw1'", _cli.Error);
    }

    [Fact]
    public async Task Password_is_never_an_argument_and_is_required_without_a_terminal()
    {
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("credential", "add", "gw1", "--username", "admin"));
        Assert.Contains("--password-stdin", _cli.Error);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("credential", "add", "gw1", "--username", "admin", "--password", "x"));
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync(CancellationToken.None, "x\n", "credential", "add", "bad name", "-u", "a", "--password-stdin"));
    }

    [Fact]
    public async Task A_local_run_with_credential_logs_in_to_the_gateway_simulator_and_never_shows_the_password()
    {
        const string secret = "Local-vault-pass-7781";
        await using var gateway = await SimulatorServer.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Users:0:Username"] = "cli-admin", ["Simulator:Users:0:Password"] = secret, ["Simulator:Users:0:Roles:0"] = "Administrator",
        });
        Assert.Equal(0, await _cli.RunAsync(CancellationToken.None, secret + "\n", "credential", "add", "site-gw", "--username", "cli-admin", "--password-stdin"));
        var playbook = _cli.Folder.Write("login.yaml", """
            name: gateway login
            version: "1.0"
            parameters:
              - { name: gateway_url, type: string, required: true }
              - { name: username, type: string, required: true }
              - { name: password, type: string, required: true }
            steps:
              - id: login
                type: gateway.login
                parameters: { url: "{{ parameter.gateway_url }}", username: "{{ parameter.username }}", password: "{{ parameter.password }}" }
              - id: projects
                type: gateway.list_projects
                parameters: {}
              - id: echo
                type: utility.log
                parameters: { message: "signed in as {{ parameter.username }} with {{ parameter.password }}" }
            """);
        var junit = Path.Combine(_cli.Folder.Path, "login.xml");
        var html = Path.Combine(_cli.Folder.Path, "login.html");
        var url = gateway.BaseAddress.ToString().TrimEnd('/');

        var code = await _cli.RunAsync("run", playbook, "--credential", "site-gw", "--param", $"gateway_url={url}", "--junit", junit, "--report", html);

        Assert.True(code == ExitCodes.Success, $"exit {code}\n{_cli.Output}\n{_cli.Error}");
        Assert.Contains("signed in as cli-admin with ***", _cli.Output);
        Assert.DoesNotContain(secret, _cli.Output + _cli.Error);
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(junit));
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(html));

        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("run", playbook, "--credential", "no-such", "--param", $"gateway_url={url}"));
        Assert.Contains("--credential: the credential 'no-such' does not exist in the local vault", _cli.Error);
    }

    public void Dispose() => _cli.Dispose();
}
