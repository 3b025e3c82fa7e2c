using System.Diagnostics;

namespace IgnitionToolkit.Testing;

/// <summary>
/// Waits on a condition a test can observe, polling, with a generous upper bound (never a fixed sleep, never a timing
/// window): a slow machine only waits longer. On time-out the test fails with <c>what</c> and, when given, the state seen.
/// </summary>
public static class Wait
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a started service (API, Runner, Web, a broker) may take to become healthy: a bound for a
    /// machine running the suite under heavy load (a CI run beside other builds measured 90 s), not a speed target.</summary>
    public static readonly TimeSpan ServiceStart = TimeSpan.FromMinutes(5);

    /// <summary>The time-out of a test's HTTP client: one request on a very busy machine, not a speed target.</summary>
    public static readonly TimeSpan HttpRequest = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, string what = "condition", Func<string>? state = null, TimeSpan? poll = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what, state, poll);

    /// <param name="poll">The pause between checks (default 20 ms): longer for a probe that loads the system under test.</param>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string what = "condition", Func<string>? state = null, TimeSpan? poll = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > limit)
                throw new TimeoutException($"timed out after {limit.TotalSeconds:0.#} s waiting for {what}{(state is null ? "" : "; seen: " + state())}");
            await Task.Delay(poll ?? Poll).ConfigureAwait(false);
        }
    }

    /// <summary>Probes until <paramref name="done"/> accepts the value, and returns it.</summary>
    /// <exception cref="TimeoutException">Not accepted within <paramref name="timeout"/> (the message shows the last value).</exception>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, string what, TimeSpan? timeout = null, TimeSpan? poll = null)
    {
        T? last = default;
        await UntilAsync(async () => done(last = await probe().ConfigureAwait(false)), timeout, what, () => $"{last}", poll).ConfigureAwait(false);
        return last!;
    }

    public static Task<T> ForAsync<T>(Func<T?> probe, Func<T?, bool> done, string what, TimeSpan? timeout = null, TimeSpan? poll = null) =>
        ForAsync(() => Task.FromResult(probe()), done, what, timeout, poll);

    /// <summary>True as soon as the condition holds, false when it still does not after <paramref name="timeout"/> (for
    /// tests that assert on the outcome with their own message).</summary>
    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? timeout = null, TimeSpan? poll = null) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, poll);

    /// <summary>True as soon as the condition holds, false when it still does not after <paramref name="timeout"/>.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, TimeSpan? poll = null)
    {
        try
        {
            await UntilAsync(condition, timeout, poll: poll).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return await condition().ConfigureAwait(false);
        }
    }
}
