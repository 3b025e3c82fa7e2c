using IgnitionToolkit.Api.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace IgnitionToolkit.Api.Tests.Cluster;

/// <summary>Which other API instances get live events through the broker: those heard from lately, never this one.</summary>
[Trait("Category", "Unit")]
public sealed class ApiPeersTests
{
    [Fact]
    public void A_lone_instance_has_no_peers_even_though_its_own_presence_comes_back_to_it()
    {
        var self = new ApiInstance();
        var clock = new FakeTimeProvider();
        var peers = Greeted(new ApiPeers(self, clock), clock);

        Assert.False(peers.Seen(self.Id));
        Assert.False(peers.OthersMayListen);
    }

    [Fact]
    public void Another_instance_counts_until_it_is_silent_for_the_expiry_or_says_it_stops()
    {
        var clock = new FakeTimeProvider();
        var peers = Greeted(new ApiPeers(new ApiInstance(), clock), clock);

        Assert.True(peers.Seen("b"));
        clock.Advance(ApiPeers.Expiry);
        Assert.True(peers.OthersMayListen);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(peers.OthersMayListen);

        peers.Seen("b");
        peers.Seen("c");
        peers.Forget("b");
        Assert.True(peers.OthersMayListen);
        peers.Forget("c");
        Assert.False(peers.OthersMayListen);
    }

    [Fact]
    public void Until_it_greeted_the_others_and_an_interval_after_an_instance_assumes_they_listen()
    {
        var clock = new FakeTimeProvider();
        var peers = new ApiPeers(new ApiInstance(), clock);
        Assert.True(peers.OthersMayListen);
        clock.Advance(ApiPeers.Expiry * 10);
        Assert.True(peers.OthersMayListen); // the instance's queue is not ready yet: nobody heard from, nobody answered

        peers.Greeted();
        Assert.True(peers.OthersMayListen);
        clock.Advance(ApiPeers.Interval);
        Assert.False(peers.OthersMayListen);
    }

    /// <summary>An instance that greeted the others an interval ago (their answers had time to arrive).</summary>
    private static ApiPeers Greeted(ApiPeers peers, FakeTimeProvider clock)
    {
        peers.Greeted();
        clock.Advance(ApiPeers.Interval);
        return peers;
    }
}
