using System.CommandLine;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.Remote;
using IgnitionToolkit.Cli.Vault;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>login</c> and <c>logout</c>: a server and its bearer token kept in the config file (<see cref="ServerConfig"/>)
/// for the remote commands. The password comes from a prompt or standard input, never an argument; it is sent once to
/// <c>POST /api/v1/auth/login</c> and not kept.</summary>
public static class LoginCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Login(context);
        yield return Logout(context);
    }

    private static Command Login(CliContext context)
    {
        var server = new Option<string>("--server") { Description = "The toolkit API's URL.", HelpName = "URL", Required = true };
        var username = new Option<string?>("--username", "-u") { Description = "Sign in as this user (the password is asked, or read with --password-stdin)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Instead of a user: keep the API token read from the first line of standard input (checked first)." };
        var command = new Command("login", "Sign in to a toolkit server and keep its token for the remote commands (config file readable by you only).")
        {
            server, username, passwordStdin, tokenStdin,
        };
        command.SetAction(async (result, token) =>
        {
            var text = result.GetRequiredValue(server);
            if (!ServerUrl.TryParse(text, out var url))
            {
                await context.Error.WriteLineAsync($"error: --server {text}: expected an http:// or https:// URL");
                return ExitCodes.InvalidInput;
            }
            var user = result.GetValue(username);
            if ((user is null) == !result.GetValue(tokenStdin))
            {
                await context.Error.WriteLineAsync("error: give either --username USER or --token-stdin");
                return ExitCodes.InvalidInput;
            }
            try
            {
                var saved = user is null
                    ? await WithTokenAsync(context, url!, token)
                    : await WithPasswordAsync(context, url!, user, result.GetValue(passwordStdin), token);
                if (saved is null) return ExitCodes.InvalidInput;
                var config = new ServerConfig(context);
                config.Save(saved);
                var expiry = saved.ExpiresAt is { } at ? $" until {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : "";
                await context.Output.WriteLineAsync($"signed in to {url} as {saved.Username}{expiry} (token kept in {config.FilePath})");
                return ExitCodes.Success;
            }
            catch (RemoteException ex)
            {
                await context.Error.WriteLineAsync($"error: {ex.Message}");
                return ex.ExitCode;
            }
        });
        return command;
    }

    private static async Task<SavedLogin?> WithPasswordAsync(CliContext context, Uri url, string user, bool stdin, CancellationToken ct)
    {
        var password = await PasswordReader.ReadAsync(context, stdin, $"Password for {user} at {url}: ");
        if (string.IsNullOrEmpty(password))
        {
            await context.Error.WriteLineAsync(context.Interactive || stdin
                ? "error: the password is empty"
                : "error: no terminal to ask the password at: give it on standard input with --password-stdin");
            return null;
        }
        using var api = new ApiClient(url, null);
        JsonNode? answer;
        try
        {
            answer = await api.SendJsonAsync(HttpMethod.Post, "api/v1/auth/login", new { username = user, password }, ct);
        }
        catch (RemoteException ex) when (ex.ExitCode == ExitCodes.ServerUnavailable && ex.Message.Contains("(401)", StringComparison.Ordinal))
        {
            throw new RemoteException(ExitCodes.ServerUnavailable, $"login to {url} failed: unknown user name or wrong password");
        }
        var accessToken = RemoteAction.Text(answer, "access_token");
        DateTimeOffset? expires = DateTimeOffset.TryParse(RemoteAction.Text(answer, "expires_at"), out var at) ? at : null;
        return new SavedLogin(url.ToString(), accessToken, RemoteAction.Text(answer?["user"], "username") is { Length: > 0 } name ? name : user, expires);
    }

    private static async Task<SavedLogin?> WithTokenAsync(CliContext context, Uri url, CancellationToken ct)
    {
        var apiToken = (await context.Input.ReadLineAsync(ct))?.Trim();
        if (string.IsNullOrEmpty(apiToken))
        {
            await context.Error.WriteLineAsync("error: no token on standard input");
            return null;
        }
        using var api = new ApiClient(url, apiToken);
        var me = await api.GetJsonAsync("api/v1/auth/me", ct);
        return new SavedLogin(url.ToString(), apiToken, RemoteAction.Text(me["user"], "username"), null);
    }

    private static Command Logout(CliContext context)
    {
        var command = new Command("logout", "Forget the server and token kept by 'login' (deletes the config file).");
        command.SetAction(async (_, _) =>
        {
            var removed = new ServerConfig(context).Delete();
            await context.Output.WriteLineAsync(removed is null ? "not signed in" : $"signed out of {removed.Server}");
            return ExitCodes.Success;
        });
        return command;
    }
}
