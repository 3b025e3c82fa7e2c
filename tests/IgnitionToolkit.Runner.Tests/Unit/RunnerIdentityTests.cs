using IgnitionToolkit.Runner.Options;

namespace IgnitionToolkit.Runner.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class RunnerIdentityTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("runner-identity-").FullName;

    [Fact]
    public void Runners_on_one_data_folder_take_the_lowest_free_slot_and_a_restarted_one_takes_its_name_back()
    {
        var host = Environment.MachineName.ToLowerInvariant();
        using var second = Claim(out var first);

        Assert.Equal($"{host}-1", first.Id);
        Assert.Equal($"{host}-2", second.Id);
        first.Dispose(); // the first Runner's process ends: its slot is free again
        using var restarted = RunnerIdentity.From(new RunnerOptions(), _data, TimeProvider.System);
        Assert.Equal($"{host}-1", restarted.Id);
    }

    [Fact]
    public void A_configured_name_wins()
    {
        using var identity = RunnerIdentity.From(new RunnerOptions { Id = " line-3 " }, _data, TimeProvider.System);
        Assert.Equal("line-3", identity.Id);
    }

    private RunnerIdentity Claim(out RunnerIdentity first)
    {
        first = RunnerIdentity.From(new RunnerOptions(), _data, TimeProvider.System);
        return RunnerIdentity.From(new RunnerOptions(), _data, TimeProvider.System);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
