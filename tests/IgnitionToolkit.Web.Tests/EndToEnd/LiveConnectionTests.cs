using IgnitionToolkit.Web.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The Web's hub client against the real API hub: every event of an execution arrives once, in order.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class LiveConnectionTests(UiFixture ui)
{
    [Fact]
    public async Task Every_event_of_an_execution_arrives_once_and_in_sequence_with_the_list_notified()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Toolkit:ApiBaseAddress"] = ui.Stack.Api.BaseAddress.ToString() })
            .Build();
        var token = new FixedToken(await ui.Stack.LoginAsync(IgnitionToolkit.Testing.ToolkitStack.AdminUser, IgnitionToolkit.Testing.ToolkitStack.AdminPassword));
        await using var live = new LiveConnection(configuration, token, NullLogger<LiveConnection>.Instance);
        var connected = new TaskCompletionSource();
        var finished = new TaskCompletionSource();
        var sequences = new List<long>();
        var changed = 0;
        live.Resynchronized += () => { connected.TrySetResult(); return Task.CompletedTask; };
        live.ExecutionChanged += _ => { Interlocked.Increment(ref changed); return Task.CompletedTask; };
        live.EventsReceived += batch =>
        {
            lock (sequences) sequences.AddRange(batch.Events.Select(e => e.Sequence));
            if (batch.Events.Any(e => e.Event is ExecutionFinishedEvent)) finished.TrySetResult();
            return Task.CompletedTask;
        };
        await live.SubscribeListAsync();
        await live.EnsureStartedAsync();
        await connected.Task.WaitAsync(IgnitionToolkit.Testing.Wait.ServiceStart);
        Assert.Equal(LiveState.Connected, live.State);

        var id = await ui.Stack.StartExecutionAsync("utility/wait_and_log.yaml", new { seconds = 0.2 });
        await live.SubscribeExecutionAsync(id);
        var detail = await ui.Stack.WaitForStatusAsync(id, "completed");
        await finished.Task.WaitAsync(IgnitionToolkit.Testing.Wait.DefaultTimeout);

        var last = detail["execution"]!["last_sequence"]!.GetValue<long>();
        // Subscribed right after the start: the first events may have been applied before joining (a page reads them over REST).
        lock (sequences)
        {
            Assert.Equal(sequences.Distinct().Count(), sequences.Count);
            Assert.Equal(Enumerable.Range((int)sequences[0], (int)(last - sequences[0] + 1)).Select(i => (long)i), sequences);
        }
        // the list notification travels separately from the execution's events: wait for it rather than race it
        Assert.True(await IgnitionToolkit.Testing.Wait.HoldsAsync(() => Volatile.Read(ref changed) > 0), "the list group was not told about the execution");
    }

    [Fact]
    public async Task Without_a_signed_in_user_the_connection_is_not_attempted()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Toolkit:ApiBaseAddress"] = ui.Stack.Api.BaseAddress.ToString() })
            .Build();
        await using var live = new LiveConnection(configuration, new FixedToken(null), NullLogger<LiveConnection>.Instance);
        await live.EnsureStartedAsync();
        Assert.Equal(LiveState.Unavailable, live.State);
        Assert.Contains("sign in", live.LastError);
    }

    [Fact]
    public async Task Without_an_api_address_the_connection_says_it_is_unavailable()
    {
        await using var live = new LiveConnection(new ConfigurationBuilder().Build(), new FixedToken("any"), NullLogger<LiveConnection>.Instance);
        await live.EnsureStartedAsync();
        Assert.Equal(LiveState.Unavailable, live.State);
    }
}

/// <summary>A token source with one token (null: nobody signed in).</summary>
[Trait("Category", "EndToEnd")]
public sealed class FixedToken(string? token) : IgnitionToolkit.Web.Auth.IApiTokenSource
{
    public Task<string?> GetTokenAsync() => Task.FromResult(token);
}
