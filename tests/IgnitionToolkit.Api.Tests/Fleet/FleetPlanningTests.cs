using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Gateways;

namespace IgnitionToolkit.Api.Tests.Fleet;

/// <summary>Which gateways a selection takes, and what a fleet run starts next under its limits.</summary>
[Trait("Category", "Unit")]
public sealed class FleetPlanningTests
{
    private static GatewayRecord Gateway(string name, Dictionary<string, string?> tags) => new()
    {
        Id = Guid.NewGuid(), Name = name, Url = $"http://{name}:8088", TagsJson = GatewayRules.TagsToJson(tags),
    };

    private static readonly List<GatewayRecord> Inventory =
    [
        Gateway("north-2", new() { ["site"] = "North", ["environment"] = "prod", ["line"] = "2" }),
        Gateway("north-1", new() { ["site"] = "north", ["environment"] = "prod", ["line"] = "1" }),
        Gateway("north-test", new() { ["site"] = "north", ["environment"] = "test" }),
        Gateway("south-1", new() { ["site"] = "south", ["environment"] = "prod" }),
    ];

    [Fact]
    public void Tags_select_the_gateways_that_carry_all_of_them_without_case()
    {
        var (matched, unknown) = new FleetSelection(Tags: new Dictionary<string, string> { ["Site"] = "NORTH", ["environment"] = "prod" }).Apply(Inventory);

        Assert.Equal(["north-1", "north-2"], matched.Select(g => g.Name)); // ordered by name
        Assert.Empty(unknown);
    }

    [Fact]
    public void Names_add_to_tag_matches_and_unknown_names_are_reported()
    {
        var (matched, unknown) = new FleetSelection(["south-1", "east-9"], new Dictionary<string, string> { ["environment"] = "test" }).Apply(Inventory);

        Assert.Equal(["north-test", "south-1"], matched.Select(g => g.Name));
        Assert.Equal(["east-9"], unknown);
        Assert.True(new FleetSelection([], new Dictionary<string, string>()).IsEmpty);
    }

    private static FleetPlanner.Row Row(int order, string status, Guid? gateway = null, int? limit = null) =>
        new(Guid.NewGuid(), gateway ?? Guid.NewGuid(), order, status, limit);

    [Fact]
    public void At_most_max_parallel_rows_are_active_and_they_start_in_order()
    {
        var rows = new[] { Row(0, "running"), Row(1, "starting"), Row(2, "completed"), Row(3, "waiting"), Row(4, "waiting"), Row(5, "waiting") };

        Assert.Equal([3], FleetPlanner.NextToStart(rows, maxParallel: 3, new Dictionary<Guid, int>()).Select(r => r.Order));
        Assert.Empty(FleetPlanner.NextToStart(rows, maxParallel: 2, new Dictionary<Guid, int>()));
        Assert.Equal([3, 4, 5], FleetPlanner.NextToStart(rows, maxParallel: 10, new Dictionary<Guid, int>()).Select(r => r.Order));
    }

    [Fact]
    public void A_gateway_at_its_own_limit_is_passed_over_until_it_frees()
    {
        var busy = Guid.NewGuid();
        var rows = new[] { Row(0, "waiting", busy, limit: 1), Row(1, "waiting"), Row(2, "waiting") };

        var full = FleetPlanner.NextToStart(rows, maxParallel: 2, new Dictionary<Guid, int> { [busy] = 1 }); // another run uses it
        var free = FleetPlanner.NextToStart(rows, maxParallel: 2, new Dictionary<Guid, int>());

        Assert.Equal([1, 2], full.Select(r => r.Order));
        Assert.Equal([0, 1], free.Select(r => r.Order));
    }

    [Fact]
    public void Stop_after_failures_counts_failed_cancelled_and_interrupted_rows()
    {
        var rows = new[] { Row(0, "failed"), Row(1, "interrupted"), Row(2, "completed"), Row(3, "running"), Row(4, "skipped") };

        Assert.True(FleetPlanner.ShouldStop(rows, 2));
        Assert.False(FleetPlanner.ShouldStop(rows, 3));
        Assert.False(FleetPlanner.ShouldStop(rows, null));
    }

    [Fact]
    public void The_run_ends_only_when_every_row_is_final()
    {
        Assert.Null(FleetPlanner.Outcome([Row(0, "completed"), Row(1, "pending")], stopped: false));
        Assert.Equal("completed", FleetPlanner.Outcome([Row(0, "completed"), Row(1, "completed")], stopped: false));
        Assert.Equal("failed", FleetPlanner.Outcome([Row(0, "completed"), Row(1, "cancelled")], stopped: false));
        Assert.Equal("stopped", FleetPlanner.Outcome([Row(0, "failed"), Row(1, "skipped")], stopped: true));
    }
}
