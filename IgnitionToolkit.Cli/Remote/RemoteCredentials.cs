using System.CommandLine;
using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Cli.Remote;

/// <summary><c>credential add|list|delete</c> on a server's vault (<c>/api/v1/credentials</c>, gateway logins). The
/// password is read by the caller from a prompt or standard input and sent once over the API; the API never returns it.</summary>
public static class RemoteCredentials
{
    /// <summary>The options that make a credential command work on a server: <c>--server</c>, <c>--token</c>, <c>--remote</c>.</summary>
    public sealed class Switch
    {
        public ServerOptions Server { get; } = new();

        public Option<bool> Remote { get; } = new("--remote") { Description = $"On the server of ${ServerOptions.ServerVariable} or 'login' (implied by --server)." };

        public void AddTo(Command command)
        {
            Server.AddTo(command);
            command.Options.Add(Remote);
        }

        public bool IsRemote(ParseResult result) => Server.Given(result) || result.GetValue(Remote);
    }

    /// <summary>Adds the credential, or replaces its user name, password and URL when it exists.</summary>
    public static Task<int> AddAsync(CliContext context, ParseResult result, Switch remote, string name, string username, string password,
        string? gatewayUrl, string? description, CancellationToken ct) =>
        RemoteAction.RunAsync(context, result, remote.Server, async api =>
        {
            var fields = new Dictionary<string, string?> { ["username"] = username, ["password"] = password };
            if (gatewayUrl is not null) fields["gateway_url"] = gatewayUrl;
            string done;
            try
            {
                await api.SendJsonAsync(HttpMethod.Post, "api/v1/credentials/", new { name, kind = "gateway_login", description, fields }, ct);
                done = "added";
            }
            catch (RemoteException ex) when (ex.ExitCode == ExitCodes.InvalidInput && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                await api.SendJsonAsync(HttpMethod.Put, "api/v1/credentials/" + Uri.EscapeDataString(name), new { description, fields }, ct);
                done = "replaced";
            }
            await context.Output.WriteLineAsync($"credential '{name}' {done} on {api.Server}");
            return ExitCodes.Success;
        });

    public static Task<int> ListAsync(CliContext context, ParseResult result, Switch remote, bool json, CancellationToken ct) =>
        RemoteAction.RunAsync(context, result, remote.Server, async api =>
        {
            var list = await api.GetJsonAsync("api/v1/credentials/", ct);
            if (json) return await RemoteAction.PrintJsonAsync(context, list);
            var items = list.AsArray();
            if (items.Count == 0) await context.Output.WriteLineAsync("no credentials");
            foreach (var c in items)
                await context.Output.WriteLineAsync(string.Join('\t', RemoteAction.Text(c, "name"), RemoteAction.Text(c, "kind"),
                    RemoteAction.Text(c, "username"), RemoteAction.Text(c, "gateway_url"), RemoteAction.Text(c, "updated_at")));
            return ExitCodes.Success;
        });

    public static Task<int> DeleteAsync(CliContext context, ParseResult result, Switch remote, string name, CancellationToken ct) =>
        RemoteAction.RunAsync(context, result, remote.Server, async api =>
        {
            await api.SendJsonAsync(HttpMethod.Delete, "api/v1/credentials/" + Uri.EscapeDataString(name), null, ct);
            await context.Output.WriteLineAsync($"credential '{name}' deleted on {api.Server}");
            return ExitCodes.Success;
        });
}
