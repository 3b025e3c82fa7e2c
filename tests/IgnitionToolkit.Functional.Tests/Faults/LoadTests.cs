using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using static IgnitionToolkit.Functional.Tests.Faults.FaultSuite;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>500 executions submitted at once by 20 clients (signed-in users, 25 each) over two Runners while a 21st
/// client floods the API: every submission is accepted and every execution completes with all its events, no answer is
/// a 5xx, and the flooder alone gets 429 once it passes its per-client limit (docs/hardening.md).</summary>
[Trait("Category", "Functional")]
[Collection(FaultSuite.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Clients = 20;
    private const int PerClient = 25;
    // Per client and window: far above what a submitting client sends (25 starts + 25 reads) or the admin's polling
    // (at most 600 reads in the 10 minutes allowed), reached by the flooder. The window outlasts the test, so the
    // flooder's count is never reset however slow the machine.
    private const int PermitLimit = 1000;

    [Fact]
    public async Task Five_hundred_executions_from_twenty_clients_all_complete_and_only_the_flooder_gets_429()
    {
        var census = new ProcessCensus();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        TimeSpan submitted, completed;
        int flooderRequests;
        Dictionary<string, int> perRunner;
        await using (var stack = await ToolkitStack.StartAsync(runners: 2, settings: new Dictionary<string, string>
        {
            ["Toolkit__RateLimit__PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Toolkit__RateLimit__Window"] = "01:00:00",
        }))
        {
            Track(census, stack);
            WritePlaybooks(stack);
            var clients = new List<HttpClient>();
            for (var i = 0; i <= Clients; i++) clients.Add(await UserClientAsync(stack, i == Clients ? "flooder" : $"client{i:00}"));
            var flooder = clients[^1];

            var clock = Clock();
            var flood = FloodAsync(flooder, statuses);
            var submissions = await Task.WhenAll(clients.Take(Clients).Select(c => SubmitAsync(c, statuses)));
            submitted = clock.Elapsed;
            flooderRequests = await flood;

            Assert.DoesNotContain(statuses, s => (int)s >= 500);
            Assert.All(submissions, ids => Assert.Equal(PerClient, ids.Count)); // no normal client was refused
            await WaitAllCompletedAsync(stack, Clients * PerClient);
            completed = clock.Elapsed;

            // Nothing lost: each client reads its own executions back (well inside its limit).
            var details = await Task.WhenAll(clients.Take(Clients).Zip(submissions).Select(async pair =>
                await Task.WhenAll(pair.Second.Select(async id => JsonNode.Parse(await pair.First.GetStringAsync($"api/v1/executions/{id}"))!))));
            var all = details.SelectMany(d => d).ToList();
            var reference = all[0];
            foreach (var execution in all) AssertComplete(execution, reference);
            Assert.Single(all.Select(LastSequence).Distinct());
            perRunner = all.GroupBy(e => e["execution"]!["runner_id"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(2, perRunner.Count);
            Track(census, stack);
            foreach (var client in clients) client.Dispose();
        }
        var leftovers = await LeftoversAsync(census);
        var total = Clients * PerClient;
        Figure(output, "load-500", $"{total} executions by {Clients} clients over 2 Runners ({string.Join("/", perRunner.Values)}): " +
            $"submitted in {Seconds(submitted)}, all completed in {Seconds(completed)} ({total / completed.TotalSeconds:0} per s), " +
            $"0 lost, 0 5xx in {statuses.Count} answers, flooder refused (429) after its {flooderRequests} allowed requests, the 20 others never, {leftovers} leftover processes");
    }

    private static async Task<HttpClient> UserClientAsync(ToolkitStack stack, string name)
    {
        const string password = "load-test-password-1";
        using var created = await stack.Http.PostAsJsonAsync("api/v1/users", new { username = name, password, role = "operator" });
        Assert.True(created.IsSuccessStatusCode, $"create {name} → {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        return await stack.CreateClientAsync(name, password);
    }

    /// <summary>One client's 25 starts, one after another; returns the ids of those accepted.</summary>
    private static async Task<List<Guid>> SubmitAsync(HttpClient client, ConcurrentBag<HttpStatusCode> statuses)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < PerClient; i++)
        {
            using var response = await client.PostAsJsonAsync("api/v1/executions", new { playbook = QuickPlaybook, parameters = new { } });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Accepted)
                ids.Add(Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>()));
        }
        return ids;
    }

    /// <summary>Four loops of reads as fast as the API answers, until the first 429 (with Retry-After); returns how many
    /// were served before. Fails if the limit never bites.</summary>
    private static async Task<int> FloodAsync(HttpClient flooder, ConcurrentBag<HttpStatusCode> statuses)
    {
        var sent = 0;
        var served = 0;
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Volatile.Read(ref refused) == 0 && Interlocked.Increment(ref sent) <= PermitLimit * 2)
            {
                using var response = await flooder.GetAsync("api/v1/version");
                statuses.Add(response.StatusCode);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref served);
                    continue;
                }
                Assert.NotNull(response.Headers.RetryAfter);
                Interlocked.Increment(ref refused);
            }
        }));
        Assert.True(refused > 0, $"the flooder was never refused after {served} requests");
        Assert.Equal(PermitLimit, served);
        return served;
    }

    private static async Task WaitAllCompletedAsync(ToolkitStack stack, int expected)
    {
        var last = "";
        await Wait.HoldsAsync(async () =>
        {
            var completed = await CountAsync(stack, "completed");
            var failed = await CountAsync(stack, "failed");
            last = $"{completed} completed, {failed} failed";
            Assert.True(failed == 0, last);
            return completed == expected;
        }, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(2)); // a probe every 2 s: the load is what is measured
        Assert.True(await CountAsync(stack, "completed") == expected, $"not all {expected} executions completed: {last}");
        foreach (var status in new[] { "pending", "running", "cancelled", "interrupted" }) Assert.Equal(0, await CountAsync(stack, status));
    }

    private static async Task<int> CountAsync(ToolkitStack stack, string status) =>
        (await stack.Http.GetFromJsonAsync<JsonObject>($"api/v1/executions?status={status}&pageSize=1"))!["total_count"]!.GetValue<int>();
}
