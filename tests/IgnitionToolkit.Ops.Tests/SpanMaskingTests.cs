using System.Diagnostics;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.ServiceDefaults.Logging;
using IgnitionToolkit.ServiceDefaults.Telemetry;

namespace IgnitionToolkit.Ops.Tests;

/// <summary>What a span exporter receives after <see cref="SecretMaskingActivityProcessor"/>, and the URL the HTTP client
/// logger writes: no secret of a running execution, no URI password, no query value.</summary>
[Trait("Category", "Unit")]
public sealed class SpanMaskingTests
{
    [Fact]
    public void A_span_to_a_url_holding_a_credential_is_masked_in_its_name_tags_status_and_exception_event()
    {
        const string password = "span-pass-5521";
        var execution = new SecretMasker();
        execution.Add(password);
        LiveSecrets.Track(execution);
        SecretMaskingActivityProcessor.RegisterExceptionRecorder(); // as the services do at start
        using var source = new ActivitySource("span-masking-test");
        using var sdk = new ActivityListener { ShouldListenTo = s => s == source, Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded };
        ActivitySource.AddActivityListener(sdk);
        try
        {
            using var activity = source.StartActivity($"GET /{password}")!;
            activity.SetTag("url.full", $"http://127.0.0.1:1/{password}/StatusPing");
            activity.SetTag("server.port", 1);
            activity.SetTag("db.password", "plain-value");
            activity.SetTag("target", new Uri($"http://svc:{password}x@host/"));
            activity.SetStatus(ActivityStatusCode.Error, $"refused for {password}");
            activity.AddException(new InvalidOperationException($"boom with {password}"));
            activity.Stop();

            new SecretMaskingActivityProcessor().OnEnd(activity);

            var text = string.Join("\n", activity.TagObjects.Select(t => $"{t.Key}={t.Value}")
                .Concat(activity.Events.SelectMany(e => e.Tags).Select(t => $"{t.Key}={t.Value}"))
                .Append(activity.DisplayName).Append(activity.StatusDescription ?? ""));
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("plain-value", text, StringComparison.Ordinal);
            Assert.Contains("url.full=http://127.0.0.1:1/***/StatusPing", text, StringComparison.Ordinal);
            Assert.Contains("exception.message=boom with ***", text, StringComparison.Ordinal);
            Assert.Equal(1, activity.GetTagItem("server.port"));
            Assert.Equal(ActivityStatusCode.Error, activity.Status);
            Assert.True(activity.Recorded);

            // An event recorded otherwise cannot be masked: the span is not exported.
            using var other = source.StartActivity("consume")!;
            other.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = $"failed: {password}" }));
            other.Stop();
            new SecretMaskingActivityProcessor().OnEnd(other);
            Assert.False(other.Recorded);
        }
        finally
        {
            LiveSecrets.Untrack(execution);
        }
    }

    [Theory]
    [InlineData("http://gw:8088/main/data?access_token=abc", "http://gw:8088/main/data?*")]
    [InlineData("http://admin:hunter2@gw:8088/StatusPing", "http://admin:***@gw:8088/StatusPing")]
    [InlineData("https://gw/StatusPing", "https://gw/StatusPing")]
    public void The_http_client_logger_writes_urls_without_query_values_or_passwords(string url, string logged) =>
        Assert.Equal(logged, MaskedHttpClientLogger.Url(new Uri(url)));
}
