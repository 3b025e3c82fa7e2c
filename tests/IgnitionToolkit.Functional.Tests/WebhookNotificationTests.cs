using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IgnitionToolkit.Functional.Tests.Infrastructure;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>Webhooks through the real API and Runner processes, RabbitMQ and the database, to a receiver this test runs:
/// a failed execution is posted signed, a receiver that answers 503 twice gets three attempts (all logged), and the
/// webhook's secret is neither in an API response nor in the database file.</summary>
public class WebhookNotificationTests
{
    private const string Secret = "whsec-0f9e8d7c6b5a-very-secret";

    [Fact]
    public async Task A_failed_execution_is_posted_signed_retried_on_503_and_every_attempt_is_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var stack = await ToolkitStack.StartAsync(settings: new Dictionary<string, string>
        {
            ["Toolkit__Notifications__WebBaseUrl"] = "https://toolkit.example.test/",
            ["Toolkit__Notifications__RetryDelay"] = "0.2",
        });
        Directory.CreateDirectory(Path.Combine(stack.Library, "ops"));
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "ops", "will_fail.yaml"), TestPlaybooks.FailingWait);
        var hookUrl = new Uri(receiver.BaseAddress, "hooks/T123/B456/tokenpart").ToString();

        using var created = await stack.Http.PostAsJsonAsync("api/v1/webhooks", new
        {
            name = "ops alerts", url = hookUrl, secret = Secret, preset = "generic",
            kinds = new[] { "execution.failed", "execution.interrupted" }, playbook_pattern = "ops/**",
        });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdText);
        var webhookId = JsonNode.Parse(createdText)!["id"]!.GetValue<Guid>();

        receiver.AnswerNext(503, 503); // then 200
        var id = await stack.StartExecutionAsync("ops/will_fail.yaml");
        await stack.WaitForStatusAsync(id, "failed", timeoutSeconds: 120);

        var deliveries = await Wait.ForAsync<JsonArray>(async () =>
        {
            var page = JsonNode.Parse(await stack.Http.GetStringAsync($"api/v1/webhooks/{webhookId}/deliveries"))!;
            var items = page["items"]!.AsArray();
            return items.Count == 1 && items[0]!["status"]!.GetValue<string>() != "pending" ? items : null;
        }, items => items is not null, "the delivery to finish", TimeSpan.FromSeconds(120));
        var delivery = deliveries[0]!;
        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal(id, delivery["execution_id"]!.GetValue<Guid>());
        var attempts = delivery["attempt_log"]!.AsArray();
        Assert.Equal(new[] { 503, 503, 200 }, attempts.Select(a => a!["status_code"]!.GetValue<int>()));
        Assert.All(attempts, a => Assert.True(a!["duration_ms"]!.GetValue<double>() >= 0));
        Assert.Contains("503", attempts[0]!["error"]!.GetValue<string>());

        var requests = receiver.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("/hooks/T123/B456/tokenpart", r.Path));
        Assert.Single(requests.Select(r => r.Headers["X-Toolkit-Delivery"]).Distinct()); // one delivery, three attempts
        var last = requests[^1];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), last.Body));
        Assert.Equal(expected, last.Headers["X-Toolkit-Signature"]);
        Assert.Equal("execution.failed", last.Headers["X-Toolkit-Event"]);
        var body = JsonNode.Parse(last.Body)!;
        Assert.Equal("execution.failed", body["kind"]!.GetValue<string>());
        Assert.Equal(id, body["data"]!["execution_id"]!.GetValue<Guid>());
        Assert.Equal("Nap", body["data"]!["failed_step"]!.GetValue<string>());
        Assert.Equal($"https://toolkit.example.test/executions/{id:D}", body["links"]!["execution"]!.GetValue<string>());

        // A test delivery answers at once with its attempts; a webhook answered 500 every time fails after its retries.
        receiver.AnswerNext(500, 500, 500, 500, 500);
        using var test = await stack.Http.PostAsync($"api/v1/webhooks/{webhookId}/test", null);
        var testResult = JsonNode.Parse(await test.Content.ReadAsStringAsync())!;
        Assert.Equal("failed", testResult["status"]!.GetValue<string>());
        Assert.Equal(5, testResult["attempt_log"]!.AsArray().Count); // the first try and four retries (the default)

        // The secret and the URL's token are nowhere in what the API answers nor in the database file.
        var answers = string.Join("\n", await stack.Http.GetStringAsync("api/v1/webhooks"), await stack.Http.GetStringAsync($"api/v1/webhooks/{webhookId}"),
            await stack.Http.GetStringAsync($"api/v1/webhooks/{webhookId}/deliveries"), createdText, testResult.ToJsonString());
        Assert.DoesNotContain(Secret, answers);
        Assert.DoesNotContain("tokenpart", answers);
        var database = await ReadSharedAsync(Path.Combine(stack.DataDirectory, "toolkit.db"));
        Assert.True(database.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Secret)) < 0, "the secret is in the database file");
        Assert.True(database.AsSpan().IndexOf("tokenpart"u8) < 0, "the webhook URL's token is in the database file");
        Assert.DoesNotContain(Secret, stack.Api.Output);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        var bytes = new List<byte>();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            bytes.AddRange(buffer.ToArray());
        }
        return [.. bytes];
    }
}
