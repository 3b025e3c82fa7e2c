namespace IgnitionToolkit.Api.Tests.Infrastructure;

/// <summary>Waits on a condition (polling), failing with a description after a timeout. No fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last)) return last!;
            await Task.Delay(100);
        }
        throw new TimeoutException($"timed out waiting for {what}; last value: {last}");
    }

    public static Task<T> ReturnsAsync<T>(Func<T?> probe, Func<T?, bool> done, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(() => Task.FromResult(probe()), done, what, timeout);
}
