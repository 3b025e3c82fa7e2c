using IgnitionToolkit.ServiceDefaults.Configuration;
using IgnitionToolkit.ServiceDefaults.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace IgnitionToolkit.Ops.Tests;

[Trait("Category", "Unit")]
public sealed class SecretMaskingTests
{
    private sealed class Collect : ILogEventSink
    {
        public List<string> Lines { get; } = [];
        public void Emit(LogEvent logEvent) => Lines.Add(logEvent.RenderMessage() + " " + string.Join(",", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Properties_named_like_secrets_and_passwords_in_uris_are_masked()
    {
        var sink = new Collect();
        using (var logger = new LoggerConfiguration().Enrich.With(new SecretMaskingEnricher()).WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("login {User} {Password} {ApiKey} {Broker} {Db}", "admin", "hunter2", "k-123",
                "amqp://svc:broker-pw@rabbit:5672/", "Host=db;Password=pg-pw;Username=x");
            logger.Information("settings {@Settings}", new { Name = "gw", Token = "tok-9", Nested = new { ClientSecret = "cs-1" } });
            logger.Information("Request starting {Path}{QueryString}", "/hubs/executions", "?id=abc&access_token=eyJ.hub-jwt.sig&x=1");
        }
        var text = string.Join("\n", sink.Lines);
        foreach (var secret in new[] { "hunter2", "k-123", "broker-pw", "pg-pw", "tok-9", "cs-1", "hub-jwt" })
            Assert.DoesNotContain(secret, text);
        Assert.Contains("admin", text);
        Assert.Contains("amqp://svc:***@rabbit", text);
    }

    [Fact]
    public void Setting_errors_name_the_environment_variable_and_the_key()
    {
        var rules = new SettingRules().Positive(TimeSpan.Zero, "Toolkit:Executions:HeartbeatTimeout");
        Assert.Equal("Toolkit__Executions__HeartbeatTimeout must be a positive duration (configuration key Toolkit:Executions:HeartbeatTimeout)",
            Assert.Single(rules.Failures));
    }
}
