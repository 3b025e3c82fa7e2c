using System.Text.RegularExpressions;

namespace IgnitionToolkit.Api.Credentials;

/// <summary>One kind of credential: the fields it needs and may have. Every field value is encrypted.</summary>
public sealed record CredentialKind(string Name, string[] Required, string[] Optional)
{
    public IEnumerable<string> AllFields => Required.Concat(Optional);
}

/// <summary>The vault's credential kinds and the rules for names and fields.</summary>
public static partial class CredentialKinds
{
    public const string GatewayLogin = IgnitionToolkit.Plugins.Gateway.Credentials.GatewayLoginBinder.KindName;
    public const string ApiToken = "api_token";
    public const string GenericSecret = "generic_secret";
    /// <summary>The key of the AI provider (<c>Toolkit:Ai:Credential</c> names it): docs/ai-steps.md.</summary>
    public const string AiProvider = "ai_provider";

    public static readonly IReadOnlyList<CredentialKind> All =
    [
        new(GatewayLogin, ["username", "password"], ["gateway_url"]),
        new(ApiToken, ["token"], []),
        new(GenericSecret, ["value"], []),
        new(AiProvider, ["api_key"], []),
    ];

    public static CredentialKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    /// <summary>Letters, digits, '_' and '-' (usable in <c>{{ credential.&lt;name&gt;.&lt;field&gt; }}</c>), at most 128.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]{0,127}$")]
    public static partial Regex ValidName();

    [GeneratedRegex(@"\{\{\s*credential\.([A-Za-z0-9_\-]+)(?:\.[A-Za-z0-9_\-]+)?\s*\}\}")]
    public static partial Regex TemplateReference();

    /// <summary>Problems with <paramref name="fields"/> for <paramref name="kind"/> as (field, message).</summary>
    public static IEnumerable<(string Field, string Message)> Check(CredentialKind kind, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var name in fields.Keys.Where(f => !kind.AllFields.Contains(f)))
            yield return ($"fields.{name}", $"unknown field '{name}' for a {kind.Name} credential; its fields are: {string.Join(", ", kind.AllFields)}");
        foreach (var name in kind.Required.Where(f => !fields.TryGetValue(f, out var v) || string.IsNullOrEmpty(v)))
            yield return ($"fields.{name}", $"a {kind.Name} credential needs '{name}'");
        if (kind.Name == ApiToken && fields.TryGetValue("token", out var token) && !string.IsNullOrEmpty(token)
            && (token.IndexOf(':') is var colon && (colon <= 0 || colon == token.Length - 1)))
            yield return ("fields.token", "an API token must be written 'keyName:secret'");
        if (fields.TryGetValue("gateway_url", out var url) && !string.IsNullOrEmpty(url)
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return ("fields.gateway_url", "gateway_url must be an absolute http:// or https:// URL");
    }
}
