using System.Diagnostics;
using IgnitionToolkit.ServiceDefaults.Logging;
using OpenTelemetry;

namespace IgnitionToolkit.ServiceDefaults.Telemetry;

/// <summary>
/// The span side of <see cref="SecretMaskingLogProcessor"/>: before any exporter sees a finished span, its name, status
/// description, tag values (e.g. <c>url.full</c> of an HTTP call to a URL that holds a credential) and the tags of its
/// events (<c>exception.message</c>, <c>exception.stacktrace</c>) are masked with the same rules — the secrets of running
/// executions, URI and connection-string passwords, access tokens in URLs; secret-named tags become <c>***</c>.
/// An event's tags cannot be changed once recorded: exceptions recorded with <see cref="Activity.AddException"/> get
/// masked tags from the start (<see cref="RegisterExceptionRecorder"/>); a span with any other event that holds a secret
/// is not exported at all (its Recorded flag is cleared).
/// </summary>
public sealed class SecretMaskingActivityProcessor : BaseProcessor<Activity>
{
    private static ActivityListener? _recorder;

    /// <summary>Makes <see cref="Activity.AddException"/> of every source record the exception's message and stack trace
    /// masked (the tags given by an <see cref="ActivityListener.ExceptionRecorder"/> are used instead of the raw ones).</summary>
    public static void RegisterExceptionRecorder()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true, // no Sample callback: it never changes which activities are created
            ExceptionRecorder = (Activity _, Exception exception, ref TagList tags) =>
            {
                if (Has(tags, "exception.message") || Has(tags, "exception.stacktrace")) return;
                tags.Add("exception.message", SecretMaskingEnricher.MaskText(exception.Message));
                tags.Add("exception.stacktrace", SecretMaskingEnricher.MaskText(exception.ToString()));
            },
        };
        if (Interlocked.CompareExchange(ref _recorder, listener, null) is null) ActivitySource.AddActivityListener(listener);
        else listener.Dispose();
    }

    private static bool Has(TagList tags, string key)
    {
        foreach (var tag in tags) if (tag.Key == key) return true;
        return false;
    }

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var name = SecretMaskingEnricher.MaskText(data.DisplayName);
        if (!string.Equals(name, data.DisplayName, StringComparison.Ordinal)) data.DisplayName = name;
        if (data.StatusDescription is { } description && SecretMaskingEnricher.MaskText(description) is var masked
            && !string.Equals(masked, description, StringComparison.Ordinal))
            data.SetStatus(data.Status, masked);

        List<KeyValuePair<string, object?>>? changes = null;
        foreach (var tag in data.TagObjects)
        {
            if (Masked(tag) is { } replacement) (changes ??= []).Add(replacement);
        }
        foreach (var (key, value) in changes ?? []) data.SetTag(key, value);

        if (data.Events.Any(e => e.Tags.Any(t => Masked(t) is not null) || Masked(new("name", e.Name)) is not null))
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded; // an event cannot be changed: no exporter gets this span
        base.OnEnd(data);
    }

    /// <summary>The masked tag, or null when it holds nothing to mask.</summary>
    private static KeyValuePair<string, object?>? Masked(KeyValuePair<string, object?> tag)
    {
        if (tag.Value is null) return null;
        if (SecretMaskingEnricher.IsSecretName(tag.Key))
            return Equals(tag.Value, SecretMaskingEnricher.Mask) ? null : new(tag.Key, SecretMaskingEnricher.Mask);
        if (tag.Value is not (string or Uri)) return null; // numbers, booleans and arrays of them carry no secret text
        var text = tag.Value.ToString() ?? "";
        var masked = SecretMaskingEnricher.MaskText(text);
        return string.Equals(masked, text, StringComparison.Ordinal) ? null : new(tag.Key, masked);
    }
}
