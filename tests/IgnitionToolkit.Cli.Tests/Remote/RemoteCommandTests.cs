using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Cli.Tests.Remote;

/// <summary>The remote commands against a real API: exit code 4 for a refused token and an unreachable server,
/// <c>executions list/show/logs</c>, <c>playbook list/show/export</c>, <c>credential add/list/delete</c> (no secret printed), <c>logout</c>.</summary>
[Trait("Category", "Functional")]
[Collection(RemoteStackFixture.Collection)]
public sealed class RemoteCommandTests(RemoteStackFixture fixture) : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task A_bad_token_exits_4_with_one_line_naming_the_refusal()
    {
        var code = await _cli.RunAsync("executions", "list", "--server", fixture.Server, "--token", "not-a-token");

        Assert.Equal(ExitCodes.ServerUnavailable, code);
        var line = Assert.Single(_cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("refused the token (401)", line);
    }

    [Fact]
    public async Task An_unreachable_server_exits_4_and_so_does_a_run()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        Assert.Equal(ExitCodes.ServerUnavailable, await _cli.RunAsync("executions", "list", "--server", url, "--token", "t"));
        Assert.Equal(ExitCodes.ServerUnavailable, await _cli.RunAsync("run", "--server", url, "--token", "t", "utility/hello_world.yaml", "--wait"));
        Assert.Contains($"cannot reach the server at {url}/", _cli.Error);
    }

    [Fact]
    public async Task Executions_list_show_and_logs_describe_a_finished_run()
    {
        var token = await fixture.Stack.LoginAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword);
        _cli.Variables["IGNITION_TOOLKIT_SERVER"] = fixture.Server;
        _cli.Variables["IGNITION_TOOLKIT_TOKEN"] = token;
        var file = _cli.Folder.Write("hello.yaml", Playbooks.Hello);
        var path = $"cli-tests/list-{Guid.NewGuid():N}.yaml";
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("playbook", "push", file, "--path", path));
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("run", "--wait", path));

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("executions", "list", "--playbook", path, "--json"));
        var listed = JsonNode.Parse(LastLine(_cli.Output))!.AsArray();
        var execution = Assert.Single(listed)!;
        Assert.Equal("completed", execution["status"]!.GetValue<string>());
        var id = execution["id"]!.GetValue<string>();

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("executions", "show", id));
        Assert.Contains($"{id} completed: {path} (hello)", _cli.Output);
        Assert.Matches(@"  greet completed in \d+\.\d\ds", _cli.Output);
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("executions", "show", id, "--json"));
        Assert.Equal("greet", JsonNode.Parse(LastLine(_cli.Output))!["steps"]![0]!["step_id"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("executions", "logs", id));
        Assert.Contains("greet [info] Hello from the tool", _cli.Output);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("executions", "show", Guid.NewGuid().ToString()));
        Assert.Contains("does not exist", _cli.Error);
    }

    [Fact]
    public async Task Playbooks_list_show_and_export_and_an_invalid_push_exits_2()
    {
        _cli.Variables["IGNITION_TOOLKIT_SERVER"] = fixture.Server;
        _cli.Variables["IGNITION_TOOLKIT_TOKEN"] = await fixture.Stack.LoginAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword);

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("playbook", "list"));
        Assert.Contains("utility/hello_world.yaml\t", _cli.Output);
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("playbook", "show", "utility/hello_world.yaml"));
        Assert.Contains("  step ", _cli.Output);
        var exported = Path.Combine(_cli.Folder.Path, "exported.yaml");
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("playbook", "export", "utility/hello_world.yaml", "-o", exported));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(fixture.Stack.Library, "utility", "hello_world.yaml")), await File.ReadAllTextAsync(exported));

        var broken = _cli.Folder.Write("broken.yaml", Playbooks.Broken);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("playbook", "push", broken, "--path", $"cli-tests/broken-{Guid.NewGuid():N}.yaml"));
        Assert.Contains("unknown step type 'utility.does_not_exist'", _cli.Error);
    }

    [Fact]
    public async Task Remote_credentials_are_added_from_stdin_listed_without_the_password_and_deleted()
    {
        _cli.Variables["IGNITION_TOOLKIT_SERVER"] = fixture.Server;
        _cli.Variables["IGNITION_TOOLKIT_TOKEN"] = await fixture.Stack.LoginAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword);
        var name = $"cli-{Guid.NewGuid():N}"[..16];
        const string secret = "remote-secret-Pa55";

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync(CancellationToken.None, secret + "\n",
            "credential", "add", name, "--username", "operator", "--password-stdin", "--gateway-url", "http://gw:8088", "--remote"));
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("credential", "list", "--remote"));
        Assert.Contains($"{name}\tgateway_login\toperator\thttp://gw:8088", _cli.Output);
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("credential", "list", "--remote", "--json"));
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("credential", "delete", name, "--remote"));
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("credential", "delete", name, "--remote"));

        Assert.DoesNotContain(secret, _cli.Output + _cli.Error);
    }

    [Fact]
    public async Task Logout_forgets_the_saved_token()
    {
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync(CancellationToken.None, ToolkitStack.AdminPassword + "\n",
            "login", "--server", fixture.Server, "--username", ToolkitStack.AdminUser, "--password-stdin"));
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("executions", "list"));

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("logout"));
        Assert.Contains($"signed out of {fixture.Server}/", _cli.Output);
        Assert.False(File.Exists(Path.Combine(_cli.ConfigDirectory, "config.json")));
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("executions", "list"));
        Assert.Equal(ExitCodes.ServerUnavailable, await _cli.RunAsync(CancellationToken.None, "wrong-password\n",
            "login", "--server", fixture.Server, "--username", ToolkitStack.AdminUser, "--password-stdin"));
        Assert.Contains("unknown user name or wrong password", _cli.Error);
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => _cli.Dispose();
}
