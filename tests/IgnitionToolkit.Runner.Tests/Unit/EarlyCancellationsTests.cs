using IgnitionToolkit.Runner.Execution;

namespace IgnitionToolkit.Runner.Tests.Unit;

/// <summary>Cancels that arrive before the start command are remembered, but not for ever and not without bound.</summary>
[Trait("Category", "Unit")]
public sealed class EarlyCancellationsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_remembered_cancel_skips_one_start_then_is_forgotten()
    {
        var cancels = new EarlyCancellations(new ManualClock());
        var id = Guid.NewGuid();

        Assert.False(cancels.TryConsume(id));
        cancels.Remember(id);

        Assert.True(cancels.TryConsume(id));
        Assert.False(cancels.TryConsume(id));
    }

    [Fact]
    public void Cancels_expire_after_ten_minutes()
    {
        var clock = new ManualClock();
        var cancels = new EarlyCancellations(clock);
        var old = Guid.NewGuid();
        cancels.Remember(old);
        clock.Now += TimeSpan.FromMinutes(5);
        var recent = Guid.NewGuid();
        cancels.Remember(recent);

        clock.Now += TimeSpan.FromMinutes(5);

        Assert.False(cancels.TryConsume(old));
        Assert.True(cancels.TryConsume(recent));
    }

    [Fact]
    public void At_most_ten_thousand_ids_are_kept_the_oldest_dropped_first()
    {
        var cancels = new EarlyCancellations(new ManualClock());
        var ids = Enumerable.Range(0, EarlyCancellations.Capacity + 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids) cancels.Remember(id);

        Assert.Equal(EarlyCancellations.Capacity, cancels.Count);
        Assert.False(cancels.TryConsume(ids[0]));
        Assert.False(cancels.TryConsume(ids[4]));
        Assert.True(cancels.TryConsume(ids[5]));
        Assert.True(cancels.TryConsume(ids[^1]));
    }
}
