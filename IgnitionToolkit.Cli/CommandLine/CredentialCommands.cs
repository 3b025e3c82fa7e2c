using System.CommandLine;
using System.Text.Json;
using IgnitionToolkit.Cli.Remote;
using IgnitionToolkit.Cli.Vault;
using IgnitionToolkit.Core.Configuration;
using System.Text.RegularExpressions;
using IgnitionToolkit.Hosting.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>credential add|list|delete</c> on the local vault (<see cref="LocalVault"/>), or on a server's vault with
/// <c>--server</c>/<c>--remote</c> (<see cref="RemoteCredentials"/>). Passwords come from a prompt
/// or standard input, never from an argument, and are never printed.</summary>
public static partial class CredentialCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("credential", "Manage the local credential vault (passwords sealed with the toolkit's vault key), or a server's with --server/--remote.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Delete(context));
        return command;
    }

    private static LocalVault Vault(CliContext context) =>
        new(context.Services.GetRequiredService<IConfiguration>(), context.Services.GetRequiredService<ToolkitPaths>());

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The credential's name (letters, digits, '.', '_', '-')." };
        var username = new Option<string>("--username", "-u") { Description = "The user name.", Required = true };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (for scripts and CI)." };
        var gatewayUrl = new Option<string?>("--gateway-url") { Description = "On a server: the gateway's URL kept with the login.", HelpName = "URL" };
        var description = new Option<string?>("--description") { Description = "On a server: what the credential is for." };
        var remote = new RemoteCredentials.Switch();
        var command = new Command("add", "Add or replace a credential; the password is asked at the terminal or read with --password-stdin.")
        {
            name, username, stdin, gatewayUrl, description,
        };
        remote.AddTo(command);
        command.SetAction(async (result, token) =>
        {
            var credential = result.GetRequiredValue(name);
            if (!ValidName().IsMatch(credential))
            {
                await context.Error.WriteLineAsync($"error: credential name '{credential}' is invalid: use letters, digits, '.', '_' or '-'");
                return ExitCodes.InvalidInput;
            }
            var password = await PasswordReader.ReadAsync(context, result.GetValue(stdin), $"Password for {credential}: ");
            if (string.IsNullOrEmpty(password))
            {
                await context.Error.WriteLineAsync(context.Interactive || result.GetValue(stdin)
                    ? "error: the password is empty"
                    : "error: no terminal to ask the password at: give it on standard input with --password-stdin");
                return ExitCodes.InvalidInput;
            }
            if (remote.IsRemote(result))
                return await RemoteCredentials.AddAsync(context, result, remote, credential, result.GetRequiredValue(username), password,
                    result.GetValue(gatewayUrl), result.GetValue(description), token);
            try
            {
                var replaced = Vault(context).Add(credential, result.GetRequiredValue(username), password);
                await context.Output.WriteLineAsync($"credential '{credential}' {(replaced ? "replaced" : "added")}");
                return ExitCodes.Success;
            }
            catch (VaultKeyException ex)
            {
                await context.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = LocalCommands.JsonOption();
        var remote = new RemoteCredentials.Switch();
        var command = new Command("list", "List the credentials (name, user name, creation time; never the password).") { json };
        remote.AddTo(command);
        command.SetAction(async (result, token) =>
        {
            if (remote.IsRemote(result)) return await RemoteCredentials.ListAsync(context, result, remote, result.GetValue(json), token);
            var credentials = Vault(context).List();
            if (result.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(credentials, JsonSerializerOptions.Web));
                return ExitCodes.Success;
            }
            if (credentials.Count == 0) await context.Output.WriteLineAsync("no credentials (add one with: credential add <name> --username <user>)");
            foreach (var c in credentials) await context.Output.WriteLineAsync($"{c.Name}\t{c.Username}\t{c.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The credential to delete." };
        var remote = new RemoteCredentials.Switch();
        var command = new Command("delete", "Delete a credential.") { name };
        remote.AddTo(command);
        command.SetAction(async (result, token) =>
        {
            var credential = result.GetRequiredValue(name);
            if (remote.IsRemote(result)) return await RemoteCredentials.DeleteAsync(context, result, remote, credential, token);
            if (Vault(context).Delete(credential))
            {
                await context.Output.WriteLineAsync($"credential '{credential}' deleted");
                return ExitCodes.Success;
            }
            await context.Error.WriteLineAsync($"error: no credential named '{credential}'");
            return ExitCodes.InvalidInput;
        });
        return command;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ValidName();
}
