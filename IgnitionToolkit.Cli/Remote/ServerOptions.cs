using System.CommandLine;
using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Cli.Remote;

/// <summary><c>--server</c> and <c>--token</c> of the remote commands. The server comes from <c>--server</c>, else
/// <c>IGNITION_TOOLKIT_SERVER</c>, else the <c>login</c> config file; the token from <c>--token</c>, else
/// <c>IGNITION_TOOLKIT_TOKEN</c>, else the config file — the saved token only for the server it was saved for.</summary>
public sealed class ServerOptions
{
    public const string ServerVariable = "IGNITION_TOOLKIT_SERVER";
    public const string TokenVariable = "IGNITION_TOOLKIT_TOKEN";

    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"The toolkit API's URL (default: ${ServerVariable}, then the server of 'login').",
        HelpName = "URL",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"A bearer token: an API token or a sign-in token (default: ${TokenVariable}, then the token saved by 'login'). Prefer the variable: arguments show in process lists.",
        HelpName = "TOKEN",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    /// <summary>True when the command line names a server (the <c>--server</c> option).</summary>
    public bool Given(ParseResult result) => result.GetValue(Server) is { Length: > 0 };

    /// <exception cref="RemoteException">No server, a URL that is not http(s), or no token.</exception>
    public ApiClient Connect(ParseResult result, CliContext context, bool tokenRequired = true)
    {
        var saved = new ServerConfig(context).Read();
        var text = result.GetValue(Server) is { Length: > 0 } given ? given
            : context.Variable(ServerVariable) is { Length: > 0 } variable ? variable
            : saved?.Server;
        if (text is null)
            throw new RemoteException(ExitCodes.InvalidInput, $"no server: give --server URL, set {ServerVariable}, or sign in with 'ignition-toolkit login --server URL --username USER'");
        if (!ServerUrl.TryParse(text, out var url))
            throw new RemoteException(ExitCodes.InvalidInput, $"--server {text}: expected an http:// or https:// URL");
        var token = result.GetValue(Token) is { Length: > 0 } option ? option
            : context.Variable(TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : saved is not null && ServerUrl.TryParse(saved.Server, out var savedUrl) && savedUrl == url ? saved.Token
            : null;
        if (token is null && tokenRequired)
            throw new RemoteException(ExitCodes.ServerUnavailable, $"no token for {url}: sign in with 'ignition-toolkit login --server {url} --username USER', or give --token / {TokenVariable}");
        return new ApiClient(url!, token);
    }
}
