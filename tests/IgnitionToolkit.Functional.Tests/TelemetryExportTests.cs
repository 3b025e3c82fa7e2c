using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>
/// What leaves the processes through OpenTelemetry: the API and a real Runner export logs, traces and metrics over
/// OTLP/HTTP to a collector the test runs, while a playbook puts a vault credential's password in a log message, a step
/// output, an exception (the gateway client's, whose message is the step's error) and a failed step's error. The
/// password's bytes are in no exported request; the run's own markers are (so the exporters really received its records).
/// </summary>
public sealed class TelemetryExportTests
{
    private const string Playbook = """
        name: Telemetry secrets
        version: "1.0"
        steps:
          - id: say
            name: Log the password
            type: utility.log
            parameters:
              message: "MARKER logging in with {{ credential.otel_cred.password }}"
          - id: keep
            name: Keep the password as a step output
            type: utility.set_variable
            parameters:
              name: kept
              value: "{{ credential.otel_cred.password }}"
          - id: probe
            name: A gateway that is down, at a URL with the password
            type: gateway.ping
            parameters:
              url: "http://127.0.0.1:DEADPORT/{{ credential.otel_cred.password }}"
            on_failure: continue
          - id: echo
            name: Log the kept value
            type: utility.log
            parameters:
              message: "kept {{ variable.kept }}"
              level: error
          - id: fail
            name: Fail with the password in the error
            type: utility.wait
            parameters:
              seconds: "{{ credential.otel_cred.password }}"
        """;

    [Fact]
    public async Task A_credential_in_a_log_an_output_an_exception_and_an_error_is_in_no_exported_log_span_or_metric()
    {
        var secret = "OtelPw" + Guid.NewGuid().ToString("N");
        var marker = "otel-marker-" + Guid.NewGuid().ToString("N")[..12];
        await using var otlp = OtlpReceiver.Start();
        var stack = await ToolkitStack.StartAsync(settings: otlp.Environment);
        Guid id;
        var logFiles = new Dictionary<string, string>();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(stack.Library, "utility", "otel_secrets.yaml"),
                Playbook.Replace("MARKER", marker, StringComparison.Ordinal).Replace("DEADPORT", DeadPort().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            using (var created = await stack.Http.PostAsJsonAsync("api/v1/credentials", new
            {
                name = "otel_cred",
                kind = "gateway_login",
                fields = new Dictionary<string, string> { ["username"] = "admin", ["password"] = secret },
            }))
            {
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            id = await stack.StartExecutionAsync("utility/otel_secrets.yaml");
            var execution = await stack.WaitForAsync(id, e => ToolkitStack.Status(e) is "completed" or "failed" or "cancelled", timeoutSeconds: 180);
            Assert.Equal("failed", ToolkitStack.Status(execution));
            var steps = execution["steps"]!.AsArray();
            string Step(string stepId, string field) => steps.Single(s => s!["step_path"]!.GetValue<string>() == stepId)![field]!.ToJsonString();
            // The secret went where the test meant it to, masked: an output, a gateway error, a coercion error.
            Assert.Contains("***", Step("keep", "outputs"), StringComparison.Ordinal);
            Assert.Contains("cannot reach the gateway", Step("probe", "error"), StringComparison.Ordinal);
            Assert.Contains("***", Step("probe", "error"), StringComparison.Ordinal);
            Assert.Contains("***", Step("fail", "error"), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, execution.ToJsonString(), StringComparison.Ordinal);

            // Both processes exported their records of this run (the Runner's step log, spans and step metric; the API's
            // request spans, which carry the execution id in their paths) before they stop.
            var timeout = TimeSpan.FromSeconds(120);
            await otlp.WaitUntilAsync(_ => otlp.Of("logs", "runner").Any(r => r.Contains(marker)), "the Runner's log of the step", timeout);
            await otlp.WaitUntilAsync(_ => otlp.Of("traces", "runner").Any(r => r.Contains("step gateway.ping")), "the Runner's step spans", timeout);
            await otlp.WaitUntilAsync(_ => otlp.Of("metrics", "runner").Any(r => r.Contains("toolkit.step.duration")), "the Runner's step metric", timeout);
            await otlp.WaitUntilAsync(_ => otlp.Of("traces", "api").Any(r => r.Contains(id.ToString())), "the API's request spans", timeout);
            await otlp.WaitUntilAsync(_ => otlp.Of("logs", "api").Count > 0 && otlp.Of("metrics", "api").Count > 0, "the API's logs and metrics", timeout);
        }
        finally
        {
            // Stopped first: they flush their last batches and log files, which are read before the stack's folder goes.
            foreach (var runner in stack.Runners) await runner.DisposeAsync();
            await stack.Api.DisposeAsync();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(stack.DataDirectory, "logs"), "*.log"))
                logFiles[Path.GetFileName(file)] = await File.ReadAllTextAsync(file);
            await stack.DisposeAsync();
        }

        var requests = otlp.Requests;
        var leaks = requests.Where(r => r.Contains(secret)).Select(r => $"{r.Path} ({r.Body.Length} bytes): …{Around(r, secret)}…").ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {requests.Count} OTLP requests hold the secret:\n" + string.Join("\n", leaks));
        Assert.DoesNotContain(secret, stack.Api.Output, StringComparison.Ordinal);
        Assert.All(stack.Runners, r => Assert.DoesNotContain(secret, r.Output, StringComparison.Ordinal));
        Assert.Contains(logFiles, f => f.Key.StartsWith("runner", StringComparison.Ordinal) && f.Value.Contains(marker, StringComparison.Ordinal));
        Assert.All(logFiles, f => Assert.False(f.Value.Contains(secret, StringComparison.Ordinal), $"the secret is in the log file {f.Key}"));
        Assert.Contains(requests, r => r.IsFrom("runner") && r.Contains(marker + " logging in with ***"));
        // The failed gateway call's exception was exported too: on a log record and as an event of its span.
        Assert.Contains(requests, r => r.Path == "/v1/logs" && r.IsFrom("runner") && r.Contains("exception.type") && r.Contains("HttpRequestException"));
        Assert.Contains(requests, r => r.Path == "/v1/traces" && r.IsFrom("runner") && r.Contains("exception.message") && r.Contains("url.full"));
    }

    /// <summary>A loopback port nobody listens on (taken and released): connecting to it is refused at once.</summary>
    private static int DeadPort() => TestPorts.Free();

    /// <summary>The printable text around the first occurrence of <paramref name="text"/>, to say where it leaked.</summary>
    private static string Around(OtlpRequest request, string text)
    {
        var at = request.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text));
        var from = Math.Max(0, at - 160);
        var slice = request.Body.AsSpan(from, Math.Min(request.Body.Length - from, 160 + text.Length + 80));
        return new string(System.Text.Encoding.UTF8.GetString(slice).Select(c => char.IsControl(c) ? '·' : c).ToArray());
    }
}
