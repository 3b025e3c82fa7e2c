using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>The examples in playbooks/perspective validate without warnings and run against the simulator.</summary>
[Trait("Category", "Functional")]
public sealed class ExamplePlaybookTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "playbooks");

    public static IEnumerable<object[]> Files() =>
        Directory.EnumerateFiles(Folder, "*.yaml").Order().Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void The_examples_are_there() =>
        Assert.Equal(["docked_views.yaml", "hmi_smoke_test.yaml", "login_check.yaml"], Files().Select(f => (string)f[0]));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Example_runs_against_the_simulator(string file)
    {
        await using var h = await PerspectiveHarness.StartAsync();
        var loaded = h.Loader.Load(await File.ReadAllTextAsync(Path.Combine(Folder, file)), file);
        Assert.True(loaded.IsValid && !loaded.Warnings.Any(), string.Join("\n", loaded.Diagnostics));
        Assert.Equal("perspective", loaded.Playbook!.Metadata["category"]);
        Assert.Equal("Ignition Toolkit", loaded.Playbook.Metadata["author"]);

        var parameters = new Dictionary<string, object?> { ["gateway_url"] = h.Url, ["password"] = "password" }
            .Where(p => loaded.Playbook.Parameters.Any(d => d.Name == p.Key)).ToDictionary();
        var run = h.Start(loaded.Playbook, parameters);
        Expect.Completed(await run.CompletionAsync(), run);
        Assert.NotEmpty(run.Artifacts);
        Assert.All(run.Artifacts, a => Expect.IsPng(a.Path));
    }
}
