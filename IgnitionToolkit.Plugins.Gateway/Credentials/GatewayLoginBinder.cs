using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Gateway.Credentials;

/// <summary>
/// A <c>gateway_login</c> credential (fields <c>username</c>, <c>password</c>, optional <c>gateway_url</c>): an execution
/// started with it (<c>credential_name</c>) gets the declared <c>gateway_url</c>/<c>username</c>/<c>password</c> parameters
/// that were not given, under the names v2/v5 playbooks used too (<c>url</c>; <c>user</c>, <c>gateway_username</c>;
/// <c>pass</c>, <c>gateway_password</c>); the user name and the URL are not secret (shown by the vault, not masked), the password is.
/// </summary>
public sealed class GatewayLoginBinder : ICredentialBinder
{
    public const string KindName = "gateway_login";

    private static readonly CredentialParameterFill[] Fills =
    [
        new("gateway_url", "gateway_url"), new("url", "gateway_url"),
        new("username", "username"), new("user", "username"), new("gateway_username", "username"),
        new("password", "password"), new("pass", "password"), new("gateway_password", "password"),
    ];

    public string Kind => KindName;

    public IReadOnlySet<string> PlainFields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "username", "gateway_url" };

    public IReadOnlyList<FilledParameter> Fill(Playbook playbook, IReadOnlyDictionary<string, string> fields, Func<string, bool> given) =>
        CredentialBinders.FillDeclared(this, playbook, fields, given, Fills);
}
