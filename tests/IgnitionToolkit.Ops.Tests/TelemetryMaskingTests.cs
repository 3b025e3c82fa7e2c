using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Security;
using IgnitionToolkit.ServiceDefaults.Logging;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace IgnitionToolkit.Ops.Tests;

/// <summary>What an OpenTelemetry exporter receives (here an in-memory one, registered after the masking processor as
/// the OTLP exporter is): no secret of a running execution, in the message, an attribute or an exception.</summary>
[Trait("Category", "Unit")]
public sealed class TelemetryMaskingTests
{
    private sealed class Collector(List<string> exported) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                var attributes = string.Join(",", (record.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"));
                lock (exported) exported.Add($"{record.FormattedMessage} | {record.Body} | {attributes} | {record.Exception}");
            }
            return ExportResult.Success;
        }
    }

    [Fact]
    public void A_running_executions_credential_is_masked_for_every_exporter()
    {
        const string password = "gw-pass-7781";
        var exported = new List<string>();
        var execution = new SecretMasker();
        execution.Add(password);
        LiveSecrets.Track(execution); // as ExecutionSession does while the execution runs
        try
        {
            using (var factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
            {
                o.IncludeFormattedMessage = true;
                o.AddProcessor(new SecretMaskingLogProcessor());
                o.AddProcessor(new SimpleLogRecordExportProcessor(new Collector(exported)));
            })))
            {
                var logger = factory.CreateLogger("test");
                logger.LogInformation("step said {Message}", $"logging in with {password}");
                logger.LogWarning("step failed: {Error}", $"the gateway refused '{password}'");
                logger.LogInformation("parameters {Password} {Broker}", "plain-secret-1", "amqp://svc:broker-pw-2@rabbit:5672/");
                logger.LogError(new InvalidOperationException($"boom with {password}"), "execution failed unexpectedly");
            }
        }
        finally
        {
            LiveSecrets.Untrack(execution);
        }

        var text = string.Join("\n", exported);
        Assert.Equal(4, exported.Count);
        foreach (var secret in new[] { password, "plain-secret-1", "broker-pw-2" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("boom with ***", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_executions_values_are_no_longer_masked()
    {
        var execution = new SecretMasker();
        execution.Add("finished-value-1");
        LiveSecrets.Track(execution);
        Assert.Equal("*** here", LiveSecrets.Mask("finished-value-1 here"));
        LiveSecrets.Untrack(execution);
        Assert.Equal("finished-value-1 here", LiveSecrets.Mask("finished-value-1 here"));
    }
}
