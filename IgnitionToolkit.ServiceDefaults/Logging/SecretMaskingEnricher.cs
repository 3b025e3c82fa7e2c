using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace IgnitionToolkit.ServiceDefaults.Logging;

/// <summary>
/// Last line of defence for secrets in logs (the engine already masks known secret values): replaces the value of every
/// property named like a secret (password, secret, token, api_key, credential...), at any depth, with <c>***</c>, and
/// masks the password part of URIs (<c>amqp://user:***@host</c>) and of connection strings (<c>Password=***</c>) in text values.
/// </summary>
public sealed partial class SecretMaskingEnricher : ILogEventEnricher
{
    public const string Mask = "***";
    private static readonly ScalarValue Masked = new(Mask);

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = IsSecretName(name) ? Masked : MaskValue(value);
            if (!ReferenceEquals(masked, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
        }
    }

    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>Masks the secrets of running executions (<see cref="IgnitionToolkit.Core.Security.LiveSecrets"/>), URI
    /// passwords, connection-string passwords and access tokens in URLs.</summary>
    public static string MaskText(string text) =>
        QueryToken().Replace(ConnectionPassword().Replace(UriPassword().Replace(IgnitionToolkit.Core.Security.LiveSecrets.Mask(text), "$1" + Mask + "@"), "$1" + Mask), "$1" + Mask);

    private static LogEventPropertyValue MaskValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => MaskText(s) is var m && m != s ? new ScalarValue(m) : value,
        ScalarValue { Value: Uri u } => MaskText(u.ToString()) is var m && m != u.ToString() ? new ScalarValue(m) : value,
        StructureValue structure when structure.Properties.Any(p => IsSecretName(p.Name) || !ReferenceEquals(MaskValue(p.Value), p.Value)) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, IsSecretName(p.Name) ? Masked : MaskValue(p.Value))), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => IsSecretKey(e.Key) || !ReferenceEquals(MaskValue(e.Value), e.Value)) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, IsSecretKey(e.Key) ? Masked : MaskValue(e.Value)))),
        SequenceValue sequence when sequence.Elements.Any(e => !ReferenceEquals(MaskValue(e), e)) =>
            new SequenceValue(sequence.Elements.Select(MaskValue)),
        _ => value,
    };

    private static bool IsSecretKey(ScalarValue key) => key.Value is string s && IsSecretName(s);

    [GeneratedRegex(@"(password|passwd|passphrase|^pwd$|secret|token|api[_-]?key|apikey|credential|private[_-]?key|authorization)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s/]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UriPassword();

    [GeneratedRegex(@"(\b(?:password|pwd)\s*=\s*)[^;""'\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();

    /// <summary>Bearer tokens in URLs (the SignalR hub's <c>?access_token=</c>, logged with the request line).</summary>
    [GeneratedRegex(@"([?&]access_token=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex QueryToken();
}
