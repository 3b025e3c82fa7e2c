using OpenTelemetry;
using OpenTelemetry.Logs;

namespace IgnitionToolkit.ServiceDefaults.Logging;

/// <summary>
/// The OpenTelemetry side of <see cref="SecretMaskingEnricher"/>: before any exporter sees a log record, its message,
/// body, attributes (values of secret-named attributes become <c>***</c>) and exception text are masked with the same
/// rules — the secrets of running executions, URI and connection-string passwords, access tokens in URLs.
/// </summary>
public sealed class SecretMaskingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Values of secret-named attributes ({Password}) are already rendered into the message: take them out of it too.
        var named = (data.Attributes ?? []).Where(a => SecretMaskingEnricher.IsSecretName(a.Key) && a.Value?.ToString() is { Length: >= 3 })
            .Select(a => a.Value!.ToString()!).ToList();
        if (data.FormattedMessage is { } message) data.FormattedMessage = MaskAll(message, named);
        if (data.Body is { } body && data.FormattedMessage is null) data.Body = MaskAll(body, named);
        if (data.Attributes is { Count: > 0 } attributes) data.Attributes = attributes.Select(Mask).ToList();
        if (data.Exception is { } exception and not MaskedException)
        {
            var text = exception.ToString();
            var masked = SecretMaskingEnricher.MaskText(text);
            if (!string.Equals(masked, text, StringComparison.Ordinal))
                data.Exception = new MaskedException(exception.GetType().FullName ?? "Exception", SecretMaskingEnricher.MaskText(exception.Message), masked);
        }
        base.OnEnd(data);
    }

    private static string MaskAll(string text, List<string> values)
    {
        foreach (var value in values) text = text.Replace(value, SecretMaskingEnricher.Mask, StringComparison.Ordinal);
        return SecretMaskingEnricher.MaskText(text);
    }

    private static KeyValuePair<string, object?> Mask(KeyValuePair<string, object?> attribute) => attribute.Value switch
    {
        _ when SecretMaskingEnricher.IsSecretName(attribute.Key) && attribute.Value is not null => new(attribute.Key, SecretMaskingEnricher.Mask),
        string text => new(attribute.Key, SecretMaskingEnricher.MaskText(text)),
        // a Uri is exported as its text: a credential in its path or user-info would go out as it is
        Uri uri when SecretMaskingEnricher.MaskText(uri.ToString()) is var masked && !string.Equals(masked, uri.ToString(), StringComparison.Ordinal)
            => new(attribute.Key, masked),
        _ => attribute,
    };

    /// <summary>An exception whose text held a secret: its type, masked message and masked text (stack trace included).</summary>
    private sealed class MaskedException(string type, string message, string text) : Exception($"{type}: {message}")
    {
        public override string? StackTrace => null;
        public override string ToString() => text;
    }
}
