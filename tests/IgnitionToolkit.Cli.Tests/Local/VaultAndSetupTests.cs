using System.Text.Json;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;

namespace IgnitionToolkit.Cli.Tests.Local;

/// <summary><c>init</c>, <c>doctor</c> and the local vault (<c>credential add|list|delete</c>).</summary>
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

    public void Dispose() => _cli.Dispose();
}
